//! The `network` section of a rules file: sites the network of mainland
//! China does not deliver (record §7, `N-GFW`), apart from what WeChat did
//! with their links. WeChat's step is decided by the rules; then the page
//! loads or not, by where the phone is and whether a VPN is on.

use super::error::Problem;
use super::model::{BiText, Confidence, Texts};
use super::validate::Validator;
use super::Rules;
use crate::json::Node as Value;
use std::sync::Arc;

/// One entry of the `network` section: these platforms' pages do not load
/// from a phone in mainland China unless a VPN is on; abroad they load.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkRule {
    /// Its id, shown in the trace.
    pub id: Arc<str>,
    /// The platforms whose pages are not delivered.
    pub platforms: Vec<String>,
    /// What the user reads on the page that does not load.
    pub texts: Arc<Texts>,
    /// The source ids it rests on.
    pub sources: Vec<String>,
    /// How well the sources support it.
    pub confidence: Confidence,
    /// Whether it rests on an assumption.
    pub assumption: bool,
    /// What was assumed, for the Why section.
    pub assumed: Option<Arc<BiText>>,
}

impl Validator<'_> {
    /// Reads the optional `network` section into `rules.network`; its
    /// platforms must be in the registry, its sources known.
    pub(super) fn network_section(&mut self, v: Option<&Value>, rules: &mut Rules) {
        let Some(v) = v else { return };
        let Some(a) = v.as_array() else {
            self.err(None, "network", Problem::NotArray);
            return;
        };
        for e in a {
            let Some(o) = self.obj(e, None, "network") else {
                continue;
            };
            let id = self.string(o, None, "id", true);
            let who = Some(id.as_str()).filter(|s| !s.is_empty());
            if who.is_some() && !self.rule_ids.insert(&id, 0) {
                self.err(who, "id", Problem::DuplicateRule);
            }
            self.check_fields(
                o,
                who,
                &[
                    "id",
                    "platforms",
                    "texts",
                    "sources",
                    "confidence",
                    "assumption",
                    "assumed",
                    "note",
                ],
            );
            let platforms = self.platform_ids(o, who, rules);
            if platforms.is_empty() {
                self.err(who, "platforms", Problem::Missing);
            }
            let texts = self.texts(o, who);
            let sources = self.cited(o, who, rules);
            let confidence = self.confidence(o, who, "confidence");
            let assumption = self.boolean(o, who, "assumption", Some(false));
            self.honest(who, confidence, assumption);
            let assumed = self.bitext(o, who, "assumed").map(Arc::new);
            rules.network.push(NetworkRule {
                id: id.as_str().into(),
                platforms,
                texts: Arc::new(texts),
                sources,
                confidence,
                assumption,
                assumed,
            });
        }
    }
}
