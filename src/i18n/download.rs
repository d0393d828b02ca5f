//! The words of downloads (issue 26) in English and Chinese: the buttons,
//! the README of a data package, the descriptions of its columns in
//! `datapackage.json`, and the chart image's footer. Its own small table,
//! as Connection's, so that the part of the bundle it costs is in one place.

super::strings! {
    D;
    Package => "Download data package", "下载数据包";
    Svg => "Download SVG", "下载 SVG";
    Png => "Download PNG", "下载 PNG";
    Intro => "A data package made by Walled Garden, a mock WeChat that runs the interoperability rules of China's super-apps on the user's machine. Every row comes from the rules named below; the permalink opens the same screen.", "由 Walled Garden 生成的数据包。Walled Garden 是一个模拟微信，在用户本机运行中国超级应用之间的互通规则。每一行都来自下面列出的规则；永久链接可打开同一屏幕。";
    Custom => "the user's own rules (edited in the rules editor), not the built-in ones", "用户自己的规则（在规则编辑器中修改），而非内置规则";
    Rules => "Rules", "规则";
    Days => "Days", "日期范围";
    Permalink => "Permalink", "永久链接";
    // The README, its slots (\u{1}) filled in order by
    // `present::download::package::readme`: the title, the introduction,
    // the day made, the version, the rules, the scenario, the days, the
    // permalink, the CSV's name, what a row is, the columns, the citation.
    Readme => "# \u{1} · Walled Garden\n\n\u{1}\n\n- Made on: \u{1}\n- App: Walled Garden \u{1}\n- Rules: \u{1}\n- Scenario: \u{1}\n- Days: \u{1}\n- Permalink: \u{1}\n\n## Files\n\n- `\u{1}`: the table (UTF-8, comma-separated, CRLF line ends, a header line), one row per \u{1}.\n- `datapackage.json`: the Frictionless Data Package descriptor: every column with its type, the licence, the sources, the citation, the rules fingerprint, the scenario and the permalink.\n\n## Columns\n\n\u{1}\nBooleans are yes or no; an empty cell is a value the record does not give.\n\n## Confidence and assumption\n\nconfidence says how sure the record is: high (a source states it), medium or low (reprints, aggregators, an inference). assumption is yes when any part (the page, the card, the share button, the reason) comes from an inferred rule rather than a source; an assumption is never of high confidence. The sources of every rule are in the rules file and the record.\n\n## How to cite\n\nCite the package as below. The rules fingerprint (the SHA-256 of the rules file) and the permalink let a reader reproduce every row.\n\n\u{1}\n## Spreadsheets\n\nA cell that begins with =, +, -, @, a tab or a carriage return starts with an added ' so that a spreadsheet shows it as text and never runs it as a formula (OWASP's advice on CSV injection). Remove that ' to read such a cell as data.\n\n## Licence\n\nMIT, as Walled Garden. The facts come from the public sources the record names.\n", "# \u{1} · Walled Garden\n\n\u{1}\n\n- 生成日期：\u{1}\n- 应用：Walled Garden \u{1}\n- 规则：\u{1}\n- 情景：\u{1}\n- 日期范围：\u{1}\n- 永久链接：\u{1}\n\n## 文件\n\n- `\u{1}`：数据表（UTF-8 编码，逗号分隔，CRLF 换行，首行为表头），每行一条\u{1}。\n- `datapackage.json`：Frictionless 数据包描述文件：每一列及其类型、许可、来源、引用、规则指纹、情景和永久链接。\n\n## 列\n\n\u{1}\n布尔值为 yes 或 no；空单元格表示记录没有给出该值。\n\n## 可信度与假设\n\nconfidence 表示记录的把握：high（有来源明确说明）、medium 或 low（转载、聚合网站或推断）。只要任一部分（页面、卡片、分享按钮、原因）来自推断的规则而非来源，assumption 即为 yes；假设从不是高可信度。每条规则的来源见规则文件和记录。\n\n## 如何引用\n\n请按以下格式引用本数据包。规则指纹（规则文件的 SHA-256）和永久链接可让读者重现每一行。\n\n\u{1}\n## 电子表格\n\n以 =、+、-、@、制表符或回车开头的单元格前加了一个 '，使电子表格把它当作文本显示，而不会当作公式执行（OWASP 针对 CSV 注入的建议）。作为数据读取时请去掉这个 '。\n\n## 许可\n\nMIT，与 Walled Garden 相同。事实来自记录中列出的公开来源。\n";
    SourceApp => "Walled Garden, the rules file", "Walled Garden 规则文件";
    RowMatrix => "platform and context on the scenario's day", "情景日期某平台在某场景下的结果";
    RowChanges => "cell that changed", "发生变化的单元格";
    RowRecord => "entry of the record", "记录条目";
    RowLinks => "link", "链接";
    Entries => "entries of the record", "条记录";
    ColDate => "The day: the scenario's (matrix), the change's (What changed: for Compare, the To day), the entry's first (record).", "日期：情景日期（矩阵）、变化日（有何变化；比较时为截止日）、条目开始日（记录）。";
    ColPlatform => "The platform's id in the rules file (none: no platform).", "规则文件中的平台 id（none：不属于任何平台）。";
    ColLink => "The link decided (the matrix: the platform's first domain).", "所判定的链接（矩阵：该平台的第一个域名）。";
    ColHost => "The link's host after URL parsing.", "解析后的链接主机名。";
    ColContext => "Where the link was shared: chat, group or moments.", "链接的分享位置：chat、group 或 moments。";
    ColOutcome => "What WeChat did: open, confirm, warn, copy_to_browser, blocked…", "微信的处理：open、confirm、warn、copy_to_browser、blocked 等。";
    ColDisplay => "How the card looked: card, folded, text or private (seen by its poster only).", "卡片样式：card、folded、text 或 private（仅发布者可见）。";
    ColShare => "Whether WeChat's page had a share button.", "微信页面是否有分享按钮。";
    ColReachable => "Whether the page loads where the phone is (the network, not WeChat).", "页面在手机所在地能否加载（取决于网络，而非微信）。";
    ColConfidence => "How sure the record is: high, medium or low (the weakest of the row).", "记录的可信度：high、medium 或 low（取该行最弱者）。";
    ColAssumption => "Whether any part rests on an inferred rule.", "是否有任一部分依据推断的规则。";
    ColRules => "Rule ids, space-separated: the deciding rule first, then those concurring; in the record, the rules citing the entry.", "规则 id，以空格分隔：先是判定规则，再是同时适用的规则；在记录中为引用该条目的规则。";
    ColBefore => "The outcome before the change (for Compare, on the From day).", "变化前的结果（比较时为起始日）。";
    ColAfter => "The outcome after it.", "变化后的结果。";
    ColDisplayBefore => "The card's look before.", "变化前的卡片样式。";
    ColDisplayAfter => "The card's look after.", "变化后的卡片样式。";
    ColRulesBefore => "The rules deciding before.", "变化前的判定规则。";
    ColRulesAfter => "The rules deciding after.", "变化后的判定规则。";
    ColChat => "The outcome in a one-to-one chat.", "单聊中的结果。";
    ColGroup => "The outcome in a group.", "群聊中的结果。";
    ColMoments => "The outcome in Moments.", "朋友圈中的结果。";
    ColId => "The record id the rules' sources cite.", "规则来源引用的记录 id。";
    ColSection => "The section of the interoperability record.", "互通记录中的章节。";
    ColUntil => "The day it ended (exclusive), if the record gives one.", "结束日期（不含当天），如记录给出。";
    ColPrecision => "How precise the dates are: day, month, approximate or unknown.", "日期精度：day、month、approximate 或 unknown。";
    ColTitle => "The entry's title.", "条目标题。";
    ColWhat => "What happened.", "发生了什么。";
    ColSources => "The sources as the record names them, separated by |.", "记录中列出的来源，以 | 分隔。";
    ColUrls => "Their web addresses, where the record gives a domain.", "来源网址（记录给出域名时）。";
    ColWeak => "The whole entry rests on reprints or aggregators.", "整个条目依据转载或聚合网站。";
    ColAssumed => "The whole entry is stated by no source.", "整个条目没有来源明确说明。";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn every_key_has_both_languages() {
        assert_eq!(EN.len(), ZH.len());
        for &k in ALL {
            assert_eq!(k.tr(Lang::En), EN[k as usize], "{k:?}");
            assert_eq!(k.tr(Lang::Zh), ZH[k as usize], "{k:?}");
            assert!(!k.tr(Lang::Zh).trim().is_empty(), "{k:?}");
        }
        assert_eq!(D::Package.tr(Lang::En), "Download data package");
        // Both READMEs have every slot.
        let slots = |l| D::Readme.tr(l).matches('\u{1}').count();
        assert_eq!((slots(Lang::En), slots(Lang::Zh)), (12, 12));
    }
}
