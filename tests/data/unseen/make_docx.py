"""Writes front.docx (unseen copy for the import audit) with python-docx: Heading 1 heads, a 引题 above one, a 副题 under another, body paragraphs, Latin names and numbers."""
from pathlib import Path

from docx import Document

STORIES = [
    ("引题", "数字经济赋能实体经济", "我市5G应用场景突破300个", "", "本报讯（记者 何平）", [
        "记者从市经信局获悉，截至目前，我市已累计建成5G基站2.8万个，打造5G应用场景312个，覆盖智能制造、智慧医疗、智慧港口等18个行业领域，5G网络综合性能在全省测评中位列第一。",
        "在一家家电企业的“未来工厂”里，搭载5G模组的AGV小车往来穿梭，机械臂精准完成装配动作。企业负责人介绍，工厂引入5G+工业互联网平台后，生产效率提升32%，产品不良率下降3.2%，运营成本降低约两成。",
        "在消费端，5G终端加速普及。某手机卖场负责人告诉记者，iPhone 15、Mate 60等5G机型销量占比超过九成，今年一季度店内5G手机销量同比增长18.5%。“不少老年顾客也来换5G手机，主要是为了和子女视频通话更流畅。”",
        "市经信局有关负责人表示，2024-2025年，我市将新建5G基站1.5万个，推动5G-A网络在重点园区率先商用，力争到2025年底5G应用场景突破500个，5G用户普及率达到85%以上。",
    ]),
    ("", "", "春季招聘月活动启动", "——提供就业岗位3.6万个", "", [
        "3月1日，全市“春风行动”暨春季招聘月活动在市人力资源市场启动。活动为期一个月，将举办线上线下招聘会120场，提供就业岗位3.6万个，重点面向高校毕业生、农民工、退役军人等群体。",
        "启动仪式当天，现场有286家企业进场招聘，岗位涵盖新能源、电子信息、现代服务业等领域，平均月薪较去年同期上涨6.4%。不少企业还开出了“技能岗位+住房补贴”的条件吸引人才。",
        "市人力社保局还在现场设立了政策咨询、职业指导、技能培训报名等服务台，为求职者提供“一站式”服务。（记者 钟原）",
    ]),
    ("", "", "小巷深处的“百年修表铺”", "", "本报记者 袁芳", [
        "在老城区一条不足三米宽的小巷里，有一家开了一百多年的修表铺。铺子只有六平方米，墙上挂满了各式各样的钟表，滴答声此起彼伏。",
        "店主老陈今年68岁，是这家修表铺的第四代传人。他从16岁开始跟着父亲学手艺，一干就是五十多年。“现在修表的人少了，但总有人拿着老物件上门，有的是父母留下的怀表，有的是结婚时买的第一块手表。”",
        "这些年，老陈也在尝试新变化。他让在外地读书的孙子帮忙开了短视频账号，记录修表的日常，没想到粉丝已经超过20万。“手艺要传下去，就得让更多年轻人看见。”老陈说。",
    ]),
]


def main() -> None:
    doc = Document()
    for _label, kicker, head, sub, byline, paras in STORIES:
        if kicker:
            doc.add_paragraph(kicker)  # a reporter's Word file: the 引题 is a plain paragraph, unlabelled
        doc.add_heading(head, level=1)
        if sub:
            doc.add_paragraph(sub)  # the 副题 opened by ——, in the Normal style
        if byline and not byline.startswith("本报讯"):
            doc.add_paragraph(byline)
        for k, text in enumerate(paras):
            doc.add_paragraph(f"{byline}{text}" if k == 0 and byline.startswith("本报讯") else text)
    doc.save(Path(__file__).with_name("front.docx"))


if __name__ == "__main__":
    main()
