"""Labelled news in writing without spaces (Japanese, Chinese, Thai): rewordings of one
event by several outlets, and look-alikes (another city, another count, another company
in the same words) that are other events. Written for these tests, in the shape of real
headlines and ledes."""

from __future__ import annotations

from tests.story_corpus import DAY, START, LabelledArticle

# (story label, title, excerpt); an article's label is its event's.
WRITTEN = (
    (
        "tokyo-blackout",
        "東京で大規模な停電、約3万戸に影響",
        "31日午後、東京都内で大規模な停電が発生し、約3万戸に影響が出た。東京電力が原因を調べている。",
    ),
    (
        "tokyo-blackout",
        "東京で大規模停電 3万戸に影響",
        "東京電力によると、都内の約3万戸で停電が発生した。復旧作業が続いている。",
    ),
    (
        "tokyo-blackout",
        "東京都内で停電、3万戸に影響 東京電力が原因調査",
        "東京都内で約3万戸が停電し、東京電力が原因を調べている。",
    ),
    (
        "osaka-blackout",
        "大阪で大規模な停電、約3万戸に影響",
        "大阪府内で大規模な停電が発生し、約3万戸に影響が出た。関西電力が原因を調べている。",
    ),
    (
        "hokkaido-quake",
        "北海道で震度5強の地震 津波の心配なし",
        "気象庁によると、北海道東部で震度5強の揺れを観測した。津波の心配はないという。",
    ),
    (
        "hokkaido-quake",
        "北海道東部で震度5強 気象庁「津波の心配なし」",
        "北海道東部で最大震度5強を観測する地震があった。気象庁は津波の心配はないとしている。",
    ),
    (
        "nagano-quake",
        "長野県で震度4の地震 津波の心配なし",
        "気象庁によると、長野県北部で震度4の揺れを観測した。津波の心配はない。",
    ),
    (
        "toyota-ev",
        "トヨタ、新型EVを発表 航続距離600キロ",
        "トヨタ自動車は新型の電気自動車を発表した。航続距離は600キロ。",
    ),
    (
        "toyota-ev",
        "トヨタが新型電気自動車 航続600キロ",
        "トヨタ自動車は航続距離600キロの新型EVを発表した。",
    ),
    (
        "nissan-ev",
        "日産、新型EVを発表 航続距離500キロ",
        "日産自動車は新型の電気自動車を発表した。航続距離は500キロ。",
    ),
    (
        "ai-conference",
        "2025世界人工智能大会在上海开幕",
        "世界人工智能大会今天在上海开幕，吸引了来自全球的数百家企业参展。",
    ),
    (
        "ai-conference",
        "世界人工智能大会上海开幕 数百家企业参展",
        "在上海举行的世界人工智能大会今日开幕，数百家企业展示最新成果。",
    ),
    (
        "guangdong-rain",
        "广东暴雨致12人死亡 多地发布红色预警",
        "广东省多地遭遇持续暴雨，已造成12人死亡，气象部门发布暴雨红色预警。",
    ),
    (
        "guangdong-rain",
        "广东持续强降雨已致12人遇难",
        "广东省连日暴雨造成12人死亡，多地发布红色预警。",
    ),
    (
        "guangxi-rain",
        "广西暴雨致3人死亡 多地发布红色预警",
        "广西多地遭遇持续暴雨，已造成3人死亡，气象部门发布暴雨红色预警。",
    ),
    (
        "tsmc-japan",
        "台積電宣布在日本興建第二座晶圓廠",
        "台積電表示，將在日本熊本興建第二座晶圓廠，預計2027年量產。",
    ),
    (
        "tsmc-japan",
        "台積電日本第二座晶圓廠 落腳熊本",
        "台積電宣布將在日本熊本興建第二座晶圓廠，2027年量產。",
    ),
    (
        "tsmc-germany",
        "台積電宣布在德國興建晶圓廠",
        "台積電表示，將在德國德勒斯登興建晶圓廠，預計2027年量產。",
    ),
    (
        "bangkok-flood",
        "ฝนตกหนักทำให้น้ำท่วมกรุงเทพฯ หลายพื้นที่",
        "ฝนตกหนักต่อเนื่องทำให้น้ำท่วมหลายพื้นที่ในกรุงเทพฯ",
    ),
    (
        "bangkok-flood",
        "น้ำท่วมกรุงเทพฯ หลายพื้นที่หลังฝนตกหนัก",
        "หลายพื้นที่ในกรุงเทพฯ น้ำท่วมหลังฝนตกหนักตลอดคืน",
    ),
    (
        "chiangmai-flood",
        "ฝนตกหนักทำให้น้ำท่วมเชียงใหม่ หลายพื้นที่",
        "ฝนตกหนักต่อเนื่องทำให้น้ำท่วมหลายพื้นที่ในเชียงใหม่",
    ),
)
PROVIDERS = ("NHK", "Kyodo", "Xinhua", "CNA", "Thai PBS")


def unspaced_news(first_id: int = 0) -> list[LabelledArticle]:
    """The written articles, a few hours apart, each by another outlet."""
    return [
        LabelledArticle(
            first_id + n,
            START + n * 3 * 3600 % DAY,
            PROVIDERS[n % len(PROVIDERS)],
            title,
            excerpt,
            f"https://news.example/{n}",
            label,
        )
        for n, (label, title, excerpt) in enumerate(WRITTEN)
    ]
