//! Why a decision came out as it did: the deciding rules with their dates
//! and sources, how sure the record is, what was assumed, and what the other
//! rollout cohort saw. Shared by every outcome screen (opener and chats), so
//! a weak or inferred answer says so wherever it is shown.

use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::engine::{Decision, Why};
use crate::policy::rules::{Confidence, Outcome, Part, Rules};
use crate::policy::scenario::Cohort;
use crate::state::opener::{escape_html, outcome_key};
use crate::state::rules::in_force;
use crate::ui::route::Route;
use crate::ui::router::href;
use yew::prelude::*;

/// The short badges of a weak or inferred decision ("Low confidence",
/// "Assumption"); each opens the Why section through `open`.
pub fn badges(d: &Decision, lang: Lang, open: &Callback<MouseEvent>) -> Html {
    let confidence = d.confidence_badge().map(|c| match c {
        Confidence::Medium => T::BadgeMedium,
        _ => T::BadgeLow,
    });
    if confidence.is_none() && !d.assumption {
        return Html::default();
    }
    html! {
        <p class="badges">
            if let Some(key) = confidence {
                <button type="button" class="badge low" onclick={open.clone()}
                    aria-controls="why">{ key.tr(lang) }</button>
            }
            if d.assumption {
                <button type="button" class="badge assumption" onclick={open.clone()}
                    aria-controls="why">{ T::BadgeAssumption.tr(lang) }</button>
            }
        </p>
    }
}

/// The body of the Why section; `rules` are the active rules, which
/// decided `d`. Markup: it has no controls, and `html!` for its nested
/// lists cost kilobytes of the bundle; every value from the rules goes
/// through [`escape_html`].
pub fn why_body(d: &Decision, rules: &Rules, lang: Lang) -> Html {
    Html::from_html_unchecked(why_markup(d, rules, lang).into())
}

/// Appends `open`, `text` escaped, then `close`.
pub(crate) fn wrap(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    escape_html(out, text);
    out.push_str(close);
}

/// The words for a part of what the user sees, `None` for the reason
/// (never inherited).
fn part_words(p: Part, lang: Lang) -> Option<&'static str> {
    let key = match p {
        Part::Page => T::PartPage,
        Part::Display => T::PartDisplay,
        Part::Share => T::PartShare,
        Part::Network => T::PartNetwork,
        Part::Reason => return None,
    };
    Some(key.tr(lang))
}

/// Appends a link to the timeline entry of each source, no space between.
fn source_links<'a>(out: &mut String, sources: impl Iterator<Item = &'a String>) {
    for src in sources {
        let entry = src.split('#').next().unwrap_or(src);
        wrap(
            out,
            "<a class=\"why-source\" href=\"",
            &href(&Route::Timeline, &[("id", entry)]),
            "\">",
        );
        wrap(out, "", src, "</a>");
    }
}

fn why_markup(d: &Decision, rules: &Rules, lang: Lang) -> String {
    let mut markup = String::with_capacity(1024);
    let out = &mut markup;
    let sep = ": ";
    if d.custom {
        wrap(
            out,
            "<p class=\"flag custom\" data-rules-source=\"custom\">",
            T::CustomRulesWhy.tr(lang),
            "</p>",
        );
    }
    // The deciding rule's reason, where the outcome's screen has no place
    // for it (an opened page): it is where a gradual rollout says what
    // others saw.
    let reason = crate::i18n::reason(d, lang);
    if d.outcome == Outcome::Open && !reason.is_empty() {
        wrap(out, "<p class=\"why-reason\">", &reason, "</p>");
    }
    out.push_str("<ul class=\"why-rules\">");
    for s in d.trace.iter().filter(|s| s.applied) {
        let id = &*s.rule_id;
        let assumed = s.why == Why::AssumedPlatform;
        let role = match s.why {
            Why::AssumedPlatform => T::PlatformAssumed,
            Why::Decided => T::Decides,
            Why::Supplies(_) => T::Supplies,
            Why::Unreachable => T::NetworkStep,
            _ => T::Agrees,
        };
        out.push_str(if assumed {
            "<li data-platform-assumed=\""
        } else {
            "<li data-rule=\""
        });
        wrap(out, "", id, "\"><code>");
        wrap(out, "", id, "</code> <span class=\"why-role\">");
        wrap(out, "", role.tr(lang), "</span>");
        if let Why::Supplies(_) = s.why {
            // Which parts of what the user sees came from this rule.
            let parts: Vec<&str> = s
                .supplies
                .iter()
                .filter_map(|p| part_words(p, lang))
                .collect();
            wrap(
                out,
                " <span class=\"why-parts\">",
                &parts.join(lang.pick(", ", "、")),
                "</span>",
            );
        }
        if s.why == Why::Unreachable {
            wrap(
                out,
                " <span class=\"why-network\">",
                T::NetworkLabel.tr(lang),
                "</span>",
            );
        }
        let rule = rules.rule(&s.rule_id).filter(|_| !assumed);
        if let Some(r) = rule {
            let dates = String::from(T::InForce.tr(lang)) + sep + &in_force(r, lang);
            wrap(out, "<p class=\"why-dates\">", &dates, "</p>");
        }
        let network = rules.network_rules().iter().find(|n| n.id == s.rule_id);
        let sources = rule
            .map(|r| &r.sources)
            .or(network.map(|n| &n.sources))
            .filter(|_| !assumed);
        if let Some(sources) = sources {
            wrap(out, "<p class=\"why-sources\">", T::Sources.tr(lang), sep);
            // The rule's own source ids are whole entry ids.
            source_links(out, sources.iter());
            out.push_str("</p>");
        }
        if s.low_confidence() && !assumed {
            wrap(
                out,
                "<p class=\"flag low\">",
                T::LowConfidence.tr(lang),
                "</p>",
            );
        }
        if s.assumption || assumed {
            wrap(
                out,
                "<p class=\"flag assumption\">",
                T::Assumption.tr(lang),
                "</p>",
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    if !d.assumed.is_empty() {
        wrap(
            out,
            "<div class=\"why-assumed\"><h4>",
            T::Assumed.tr(lang),
            "</h4><ul>",
        );
        for a in &d.assumed {
            wrap(out, "<li>", a.get(lang), "</li>");
        }
        out.push_str("</ul></div>");
    }
    if let Some(c) = &d.caveat {
        wrap(
            out,
            "<div class=\"why-caveat\" data-confidence=\"",
            c.confidence.as_str(),
            "\"><h4>",
        );
        wrap(out, "", T::Caveat.tr(lang), " · ");
        wrap(out, "", T::BadgeLow.tr(lang), "</h4><p>");
        wrap(out, "", c.text.get(lang), " ");
        source_links(out, c.sources.iter());
        out.push_str("</p></div>");
    }
    if let Some(o) = &d.other_cohort {
        wrap(
            out,
            "<div class=\"why-cohort\" data-other-cohort=\"",
            o.cohort.as_str(),
            "\" data-other-outcome=\"",
        );
        wrap(out, "", o.outcome.as_str(), "\"><h4>");
        wrap(out, "", T::OtherCohort.tr(lang), "</h4><p>");
        let saw = if o.cohort == Cohort::Early {
            T::EarlyCohortSaw
        } else {
            T::LateCohortSaw
        };
        wrap(out, "", saw.tr(lang), lang.pick(": ", "："));
        wrap(out, "", outcome_key(o.outcome).tr(lang), " (<code>");
        wrap(out, "", &o.rule, "</code>)</p></div>");
    }
    markup
}
