"""Head nouns of names in the genre, and the words that bound a name on its left.

Data, not code: the name grammar (:mod:`.grammar`) reads these tables. A head decides the class and
kind of a name (…学会 is a learned society, …论坛 a forum); the left boundary words are the verbs,
prepositions and adverbs that govern a name, so that 深入开展创新争先行动 yields 创新争先行动.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "COMPOUND_TAILS",
    "GENERIC_HEADS",
    "GENERIC_MODIFIERS",
    "GOVERNING",
    "HEADS",
    "HEAD_RE",
    "Head",
    "QUOTED_HEADS",
    "QUOTED_HEAD_RE",
    "SUBUNIT_HEADS",
    "head_expansion",
]


@dataclass(frozen=True, slots=True)
class Head:
    """A head noun: the class and kind of the names it ends, and when it may stand unquoted."""

    text: str
    cls: str
    kind: str | None
    unquoted: bool = True  # may end a name that has no quotation marks
    needs_prefix: bool = False  # unquoted, it needs a proper prefix (a place, 国家, 中国 …)
    needs_verb: bool = False  # unquoted, it needs an issuing verb before it (制定…实施方案)
    national: bool = False  # a national name: a place before it is a possessor, not part of it


def _h(cls: str, kind: str | None, words: str, **kw: bool) -> list[Head]:
    return [Head(w, cls, kind, **kw) for w in words.split()]


HEADS: tuple[Head, ...] = tuple(
    sorted(
        [
            *_h("Organization", "ScienceAssociation", "科学技术协会 科协 科技协会"),
            *_h("Organization", "LearnedSociety", "学会 研究会"),
            *_h("Organization", "Association", "协会 联合会 促进会 联盟 商会 协进会 基金会"),
            *_h("Organization", "Association", "联合体 专家团 老专家团 服务团 科技服务团 产业科技服务团", needs_prefix=True),
            *_h("Organization", "Committee", "组委会 筹委会", needs_prefix=True),
            *_h("Organization", "ResearchInstitute", "研究院 研究所 分院 研究中心 实验室 创新中心"),
            *_h("Organization", "Academy", "科学院 工程院 社会科学院"),
            *_h("Organization", "University", "大学 学院"),
            *_h("Organization", "School", "中学 小学 学校 中学校 小学校 职业技术学院"),
            *_h("Organization", "Hospital", "医院 卫生院"),
            *_h("Organization", "PartyDepartment", "组织部 宣传部 统战部"),
            *_h("Organization", "GovernmentBody", "科技局 科技厅 教育局 教育厅 人民政府 管委会 管理委员会 科学技术局 科学技术厅 委员会"),
            *_h("Organization", "GovernmentBody", "局 厅 发展局 促进中心", needs_prefix=True),
            *_h("Organization", "OrganizationOffice", "办公室", needs_prefix=True),
            *_h("Organization", "Company", "有限公司 股份有限公司 公司 集团 有限责任公司"),
            *_h("Organization", "Museum", "科技馆 博物馆 科学馆 科普馆"),
            *_h("Organization", "Newspaper", "日报 晚报 报社 电视台"),
            *_h("Organization", "OrganizationOffice", "机关"),
            *_h("Place", "HighTechZone", "高新区 高新技术产业开发区 经开区 经济技术开发区 开发区"),
            *_h("Place", "ScienceCity", "科学城"),
            *_h("Place", "Park", "园区 产业园 科技园 创新港"),
            *_h("Place", "Region", "经济圈 城市群 经济带 科创带 创新带 科创走廊"),
            *_h("Place", None, "广场 会展中心 国际会展中心"),
            *_h("Program", "PilotProgram", "示范区 试点 试点城市 示范市 示范县 示范基地 创新示范区", needs_prefix=False),
            *_h("Program", "ActionPlan", "行动计划 行动方案"),
            *_h("Program", "Campaign", "行动 专项行动 主题实践活动 主题活动 活动月"),
            *_h("Program", "TalentScheme", "计划 人才计划 托举工程 工程"),
            *_h("Program", "DesignationScheme", "工作站 专家工作站 教育基地 科普基地 基地 智库"),
            *_h("Program", "Award", "奖 奖项 科技奖 大奖 科普奖"),
            *_h("Program", None, "战略", national=True),
            *_h("Program", "Campaign", "科普日 活动周 科技周 宣传周 科技活动周 工作者日"),
            *_h("Program", "Model", "模式 体系 机制 品牌", unquoted=False),
            *_h("Document", "ImplementationPlan", "实施方案", needs_verb=True),
            *_h("Document", "PlanDocument", "工作方案 方案 规划 纲要", needs_verb=True),
            *_h("Document", "OpinionDocument", "意见 指导意见 实施意见", needs_verb=True),
            *_h("Document", "Notice", "通知", needs_verb=True),
            *_h("Document", "Law", "条例 管理办法 办法", needs_verb=True),
            *_h("Platform", "ServicePlatform", "平台 服务平台 云平台", needs_prefix=True),
            *_h("Platform", "ServiceWindow", "服务窗口 窗口 服务站", needs_prefix=True),
            *_h("Platform", "ScienceCenter", "科普中心 服务中心 中心", needs_prefix=True),
            *_h("Event", "Conference", "大会 会议 年会 学术会议 研讨会 座谈会 报告会 交流会"),
            *_h("Event", "Forum", "论坛 峰会 沙龙"),
            *_h("Event", "Exhibition", "主题展 展览 博览会 展览会 成果展 科技展 巡展"),
            *_h("Event", "Competition", "大赛 竞赛 比赛 挑战赛 邀请赛"),
            *_h("Event", "Exhibition", "交易会 洽谈会 文化节 科技节 科普节 嘉年华"),
            *_h("Event", "Meeting", "故事会 开放日 主场活动 成立大会"),
            *_h("Event", "Training", "培训班 训练营 夏令营"),
            *_h("Event", "Ceremony", "开幕式 启动仪式 揭牌仪式 颁奖典礼 签约仪式 授牌仪式 签约授牌仪式 签署仪式 仪式"),
            *_h("Event", "PublicitySeries", "系列宣传 系列活动"),
            *_h("Event", "Tour", "行", unquoted=False),
            *_h("Event", "Tour", "区县行 基层行 企业行 园区行 乡村行 高校行 校园行 院士行 专家行"),
            *_h("Event", "Election", "增选"),
            *_h("Event", "Meeting", "全会 全委会 全体会议 代表大会 会员代表大会 常委会议"),
        ],
        key=lambda h: -len(h.text),
    )
)

#: heads that end a quoted name (“…”head); the unquoted-only restriction does not apply there
QUOTED_HEADS: tuple[Head, ...] = HEADS

#: generic heads left out of a name (“比学赶帮超”活动 -> 比学赶帮超), and what they make the name
GENERIC_HEADS: dict[str, tuple[str, str | None]] = {
    "活动": ("Program", "Campaign"),
    "工作": ("Program", None),
    "样板": ("Program", "Brand"),
    "品牌": ("Program", "Brand"),
    "精神": ("Program", "Campaign"),
    "理念": ("Program", None),
}

#: heads of sub-units: a name made of an organisation's name plus one of these is its sub-organisation
SUBUNIT_HEADS: tuple[str, ...] = (
    "分院", "分会", "机关", "研究院", "研究所", "分公司", "办公室", "专委会", "委员会",
    "科协", "科学技术协会", "科技协会", "专家团", "老专家团",
)

#: words after a head that make it a modifier of a longer common noun (科协机关干部队伍)
COMPOUND_TAILS: tuple[str, ...] = (
    "干部", "队伍", "人员", "工作者", "系统", "联合体", "会员", "职工", "领导", "负责人", "成员", "体系", "工作人员",
    "工作", "组织", "展区", "区", "厅", "成员单位", "经费", "名额", "生",
)

#: modifiers that make a name generic when they are all that stands before the head
GENERIC_MODIFIERS: frozenset[str] = frozenset(
    "区县 基层 各 各级 各类 全市 全省 全区 全县 全国 市级 省级 县级 区级 有关 相关 直属 所属 本 该 "
    "一批 一些 多个 多家 若干 新型 高新 这些 其他 其它 所有 上述 这个 那个 学术 科技 科普 我市 我省 "
    "企业 高校 各地 地方 主题 现场 基层 本届 本次 新一届 中小 中小学 两地 当地 市级 全体 学会".split()
)

#: verbs, prepositions and adverbs that govern a name: a name never extends left over them
GOVERNING: frozenset[str] = frozenset(
    (
        "开展 举办 实施 推动 推进 建设 打造 完善 做好 办好 抓好 实施好 争取 组织 召开 参与 筹办 参加 助力 支持 指导 "
        "加强 深化 联合 联办 联建 共建 创建 设立 谋划 成立 建立 启动 发布 印发 出台 制定 形成 入选 获批 落实 探索 "
        "探索出 围绕 依托 通过 以 在 对 向 从 为 将 还将 已 已经 的 是 有 了 着 与 和 及 以及 等 同 跟 由 被 把 "
        "积极 深入 大力 进一步 全面 高水平 同步 今年 明年 去年 和 承办 主办 协办 纳入 吸纳 担任 推荐 评选 "
        "评为 命名 授予 获得 荣获 获 成为 作为 包括 其中 面向 引导 鼓励 培育 举行 开幕 闭幕 揭牌 挂牌 出席 "
        "当选 选举 审议 通过了 听取 部署 总结 表彰 宣布 介绍 表示 指出 强调 认为 说 称 据 记者 获悉 了解到 "
        "来自 位于 落户 坐落 地处 建成 创建 新建 扩建 开通 上线 启用 投入 运行 开放 参观 走进 来到 前往 赴 "
        "目前 当前 近日 日前 近年来 关注 结对 建 新建 已建 在建 好 带领 率 率领 陪同 会同 联手 携手 共同 协同 牵头 配合 对接 签署 签订 共 及其 暨 即 "
        "首届 第一届 年度 本届 此次 这次 本次 此外 同时 另外 其次 首先 最后 一是 二是 三是 四是 五是 "
        "一个 一项 一批 多项 多个 各项 若干 提高 提升 优化 促进 加快 构建 强化 巩固 坚持 着眼于 着眼 "
        "确保 支撑 发挥 充分发挥 增强 扩大 推出 打通 服务于 加大 用好 办 建好 管好 "
        "聘为 被聘为 受聘为 当选为 选举 聘任 代表 颁发 观看 捐建 汇聚 集聚 联动 邀请 组建 恰逢 想让 采用 "
        "满足 设 看到 分别 带动 带进 带到 走进 捐赠 承建 发起 参与发起 共有 贯彻 旨在 赋能 两地 让 使 "
        "跨界融合 深度融合 相融 融入 原 前 兼 颁 获 得 同期 另有"
    ).split()
)

#: unquoted heads as one regular expression (longest first)
HEAD_RE: re.Pattern[str] = re.compile("|".join(re.escape(h.text) for h in HEADS if h.unquoted))
QUOTED_HEAD_RE: re.Pattern[str] = re.compile("|".join(re.escape(h.text) for h in QUOTED_HEADS))

_EXPANSIONS: dict[str, str] = {
    "高新区": "高新技术产业开发区",
    "经开区": "经济技术开发区",
    "科协": "科学技术协会",
    "科技局": "科学技术局",
    "科技厅": "科学技术厅",
    "管委会": "管理委员会",
}


def head_expansion(name: str) -> str:
    """Return ``name`` with an abbreviated head written out (重庆高新区 -> 重庆高新技术产业开发区)."""
    for short, full in _EXPANSIONS.items():
        if name.endswith(short) and not name.endswith(full):
            return name[: -len(short)] + full
    return name
