"""People and their posts: bylines, name + post chains in both orders, academicians.

A person is recognised only next to a post title or in a byline (the genre names people that way),
with a surname from the list of Chinese surnames; the name's length is decided by what follows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .candidates import Candidate

__all__ = ["Byline", "PostHit", "find_bylines", "find_posts", "name_at"]

# Single-character surnames in common use (the 百家姓 and today's frequency lists), and compound ones.
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆"
    "乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平"
    "计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公"
    "哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_SURNAMES_2 = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "宇文",
    "长孙", "轩辕", "端木", "西门", "独孤", "南宫", "呼延", "申屠", "澹台", "万俟", "闻人", "赫连", "钟离",
}

#: post titles, longest first (a title chain is 党组书记、常务副主席 …)
TITLES: tuple[str, ...] = tuple(
    sorted(
        (
            "主席 副主席 常务副主席 兼职副主席 名誉主席 党组书记 党组副书记 党组成员 党委书记 党委副书记 书记 副书记 "
            "秘书长 副秘书长 理事长 副理事长 常务理事 理事 会长 副会长 名誉会长 院长 副院长 常务副院长 校长 副校长 "
            "所长 副所长 主任 副主任 常务副主任 局长 副局长 厅长 副厅长 部长 副部长 市长 副市长 省长 副省长 区长 "
            "副区长 县长 副县长 董事长 总经理 副总经理 总工程师 首席科学家 院士 研究员 教授 一级巡视员 二级巡视员 "
            "巡视员 调研员 委员 常委 主任委员 副主任委员 馆长 副馆长 站长 社长 总编辑"
        ).split(),
        key=len,
        reverse=True,
    )
)
_TITLE_RE = re.compile("|".join(TITLES))
_FOLLOW = (
    "介绍 表示 说 指出 强调 出席 主持 作 在 等 一行 同志 摄 认为 透露 告诉 称 也 还 和 与 及 为 对 向 带领 "
    "率 率队 分别 共同 一起 当选 任 担任 获 荣获 代表 讲话 致辞 宣布 发表 参加 到 来到 走进 调研 就 出任 "
    "兼任 被 是 现任 牵头 领衔 解读 回答 答 谈 的"
).split()
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff]")
_NOT_IN_NAME = set("的和与在是了等将对为从向及、，。")
_ACADEMY_RE = re.compile(r"(中国科学院|中国工程院|中科院|两院|中国社会科学院)院士")


def _follows(text: str, pos: int) -> bool:
    if pos >= len(text):
        return True
    ch = text[pos]
    if not _NAME_CHARS.match(ch):
        return True
    return text.startswith(tuple(_FOLLOW), pos)


def name_at(text: str, pos: int) -> str | None:
    """Return the personal name that starts at ``pos``, decided by its surname and what follows it."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    two = text[pos : pos + 2]
    surname_len = 2 if two in _SURNAMES_2 else 1 if text[pos : pos + 1] in _SURNAMES_1 else 0
    if not surname_len:
        return None
    for total in (surname_len + 1, surname_len + 2):
        cand = text[pos : pos + total]
        if len(cand) < total or any(c in _NOT_IN_NAME or not _NAME_CHARS.match(c) for c in cand):
            return None
        if _follows(text, pos + total):
            # prefer the shorter name only when the longer reading would swallow a follow word
            return cand
    return None


@dataclass(frozen=True, slots=True)
class PostHit:
    """A post held by a named person: title at organisation (reading offsets of the whole chain)."""

    person: Candidate
    org: Candidate | None
    title: str
    begin: int
    end: int


@dataclass(frozen=True, slots=True)
class Byline:
    """A reporter's or photographer's credit."""

    person: Candidate
    publisher: Candidate | None
    role: str  # 记者 | 通讯员 | 摄影
    begin: int
    end: int


def _person(text: str, pos: int, rule: str) -> Candidate | None:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    name = name_at(text, pos)
    if name is None:
        return None
    return Candidate(pos, pos + len(name), "Person", name, rule, None, 85)


def find_posts(text: str, org_ending_at: Callable[[int], Candidate | None]) -> list[PostHit]:
    """Find post chains before a name (市科协主席潘复生, 中国工程院院士、市科协主席X) and after it (X任…主席)."""
    hits: list[PostHit] = []
    for m in _TITLE_RE.finditer(text):
        person = _person(text, m.end(), "post.name")
        if person is None or text[m.end() : person.begin].strip():
            continue
        chain: list[tuple[Candidate | None, str, int]] = []
        pos, title = m.start(), m.group(0)
        while True:
            org = org_ending_at(pos)
            begin = org.begin if org else pos
            chain.append((org, title, begin))
            if begin > 0 and text[begin - 1] == "、":
                prev = _title_ending_at(text, begin - 1)
                if prev is not None:
                    pos, title = begin - 1 - len(prev), prev
                    continue
            break
        # a title without its own organisation belongs to the organisation of the title before it
        last_org: Candidate | None = None
        for org, title, begin in reversed(chain):
            org = org or last_org
            last_org = org
            academy = _ACADEMY_RE.search(text, begin, m.end())
            if title == "院士" and org is None and academy is None:
                continue
            hits.append(PostHit(person, org, title, begin, person.end))
    for m in re.finditer(r"(?:当选为|当选|出任|兼任|担任|任)", text):
        person = _person_ending_at(text, m.start())
        if person is None:
            continue
        org = None
        pos = m.end()
        for cand_end in range(pos + 1, min(len(text), pos + 30)):
            org = org_ending_at(cand_end)
            if org is not None and org.begin >= pos:
                t = _TITLE_RE.match(text, org.end)
                if t:
                    hits.append(PostHit(person, org, t.group(0), person.begin, t.end()))
                break
    return hits


def _title_ending_at(text: str, pos: int) -> str | None:
    for title in TITLES:
        if text.endswith(title, 0, pos):
            return title
    return None


def _person_ending_at(text: str, pos: int) -> Candidate | None:
    for length in (3, 2, 4):
        start = pos - length
        if start < 0:
            continue
        if start > 0 and _NAME_CHARS.match(text[start - 1]) and text[start - 1] not in "、，。":
            # the name must start a clause: the character before it is punctuation or a post title
            if not _title_ending_at(text, start):
                continue
        name = name_at(text, start)
        if name is not None and start + len(name) == pos:
            return Candidate(start, pos, "Person", name, "post.reverse", None, 85)
    return None


_BYLINE_RE = re.compile(
    r"(?P<role>特约记者|见习记者|记者|通讯员)[ \u3000]*(?P<names>[\u4e00-\u9fff]{2,4}(?:[ \u3000、]+(?!特约|见习|记者|通讯员)[\u4e00-\u9fff]{2,4})*)"
)


def find_bylines(text: str, org_ending_at: Callable[[int], Candidate | None]) -> list[Byline]:
    """Find credits: (重庆日报记者 张亦筑), 记者 X 通讯员 Y, 重庆日报记者 郑宇摄."""
    out: list[Byline] = []
    for m in _BYLINE_RE.finditer(text):
        publisher = org_ending_at(m.start())
        if publisher is None and text.endswith(("本报", "新华社"), 0, m.start()):
            publisher = None
        pos = m.start("names")
        while pos < m.end("names"):
            while pos < len(text) and text[pos] in " \u3000、":
                pos += 1
            name = name_at(text, pos)
            if name is None:
                break
            photo = text.startswith("摄", pos + len(name))
            role = "摄影" if photo else m.group("role")
            person = Candidate(pos, pos + len(name), "Person", name, "byline", None, 88)
            begin = publisher.begin if publisher else m.start()
            out.append(Byline(person, publisher, role, begin, pos + len(name) + (1 if photo else 0)))
            pos += len(name)
    return out
