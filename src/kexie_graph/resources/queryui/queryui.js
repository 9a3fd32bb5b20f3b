/* kexie-graph query page: set the bundled YASGUI up for this server, with no network beyond it. */
(function () {
  "use strict";

  var endpoint = new URL("/sparql", window.location.href).href;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function entityHref(iri) {
    return "/entity?iri=" + encodeURIComponent(iri);
  }

  // Every IRI in the result table links to the entity page on this server, not to the IRI itself
  // (the IRIs of the graph are names, not pages that answer).
  var Table = Yasgui.Yasr.plugins.table;
  Table.prototype.getUriLinkFromBinding = function (binding, prefixes) {
    var iri = binding.value;
    var shown = iri;
    var prefixed = false;
    if (prefixes) {
      for (var prefix in prefixes) {
        if (Object.prototype.hasOwnProperty.call(prefixes, prefix) && prefixes[prefix] &&
            iri.indexOf(prefixes[prefix]) === 0) {
          shown = prefix + ":" + iri.substring(prefixes[prefix].length);
          prefixed = true;
          break;
        }
      }
    }
    var compact = prefixed || (this.persistentConfig && this.persistentConfig.compact);
    var link = "<a class='iri' href='" + escapeHtml(entityHref(iri)) + "' title='" +
      escapeHtml(iri) + "'>" + escapeHtml(shown) + "</a>";
    return compact ? link : "&lt;" + link + "&gt;";
  };

  // No completer may ask a web service: prefixes come from this server, and the property and
  // class completers (which ask Linked Open Vocabularies) are off.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasqe.defaults.prefixCcApi = "/api/prefixes";

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: endpoint }]; },
      keys: []
    },
    copyEndpointOnNewTab: true,
    persistenceId: "kexie-graph",
    tabName: "Query"
  });

  function currentYasqe() {
    return yasgui.getTab().getYasqe();
  }

  var select = document.getElementById("examples");
  fetch("/api/examples", { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) { throw new Error("examples: HTTP " + response.status); }
      return response.json();
    })
    .then(function (examples) {
      examples.forEach(function (example, index) {
        var option = document.createElement("option");
        option.value = String(index);
        option.textContent = example.title;
        option.dataset.name = example.name;
        select.appendChild(option);
      });
      select.addEventListener("change", function () {
        var example = examples[Number(select.value)];
        if (!example) { return; }
        var yasqe = currentYasqe();
        yasqe.setValue(example.query);
        yasqe.query();
      });
      select.dataset.ready = "true";
    })
    .catch(function (error) {
      select.dataset.ready = "error";
      console.warn(error);
    });
})();
