//! The texts of **Cite this** and of the rules fingerprint (issue 26), in
//! English and Chinese: their own small table, as Connection has.

super::strings! {
    Ci;
    CiteThis => "Cite this", "引用";
    AsText => "Text", "文本";
    Bibtex => "BibTeX", "BibTeX";
    Csl => "CSL-JSON", "CSL-JSON";
    Permalink => "Permalink", "永久链接";
    Fingerprint => "Rules fingerprint", "规则指纹";
    FingerprintHelp => "The SHA-256 of the rules file every screen runs, by its first 12 digits; marked custom when you applied your own. Citations, downloads and the decide tool carry it.", "所有页面所用规则文件的 SHA-256，取前 12 位；应用了你自己的规则时另加「custom」标记。引用、下载和「decide」工具都带有它。";
    Version => "version", "版本";
    Made => "Made", "生成于";
    Record => "Record", "记录";
    RulesWord => "rules", "规则";
    OfDecision => "How WeChat treated a link: ", "微信如何处理一个链接：";
    OfMatrix => "Outcome matrix: ", "结果矩阵：";
    OfChanges => "What changed: ", "变化：";
    OfEntry => "Record entry: ", "记录条目：";
    OfBatch => "Batch check, links: ", "批量检查，链接数：";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn every_key_has_both_languages() {
        assert_eq!(EN.len(), ZH.len());
        for &k in ALL {
            assert_eq!(k.tr(Lang::En), EN[k as usize], "{k:?} en");
            assert_eq!(k.tr(Lang::Zh), ZH[k as usize], "{k:?} zh");
            assert!(!k.tr(Lang::En).trim().is_empty(), "{k:?} en");
            assert!(!k.tr(Lang::Zh).trim().is_empty(), "{k:?} zh");
        }
        assert_eq!(COUNT, ALL.len());
    }
}
