//! The rules screen (`#/rules`): the active rules as a filterable list
//! with each rule's details, and the editor for the whole file.
//! `#/rules?id=RULE` opens and scrolls to that rule.

mod editor;

use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::rules::{Context, Rule, Rules};
use crate::state::opener::{confidence_key, escape_html, outcome_key};
use crate::state::rules::in_force;
use crate::state::timeline::RuleFilter;
use crate::ui::hooks::{use_location, use_store};
use crate::ui::route::Route;
use crate::ui::router::href;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// At most this many rules are drawn at once (a 10,000-rule file would
/// otherwise make the screen crawl); the count says how many match.
const SHOWN: usize = 300;

/// The rules screen.
#[component]
pub fn RulesScreen() -> Html {
    let store = use_store();
    let lang = store.lang();
    let location = use_location();
    let target = crate::state::params::get(&location.query, "id");
    let filter = use_state_eq(RuleFilter::default);
    use_effect_with(target.clone(), |id| {
        let el = id.as_deref().and_then(|id| {
            web_sys::window()?
                .document()?
                .get_element_by_id(&(String::from("rule-") + id))?
                .dyn_into::<web_sys::HtmlElement>()
                .ok()
        });
        if let Some(el) = el {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    let rules = store.rules();
    let on_platform = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(RuleFilter {
                platform: (!v.is_empty()).then_some(v),
                ..(*filter).clone()
            });
        })
    };
    let on_context = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(RuleFilter {
                context: Context::parse(&v),
                ..(*filter).clone()
            });
        })
    };
    let on_day = {
        let (filter, day) = (filter.clone(), store.data().scenario.date);
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            filter.set(RuleFilter {
                on: on.then_some(day),
                ..(*filter).clone()
            });
        })
    };
    // The day follows the scenario while the box is ticked.
    let f = RuleFilter {
        on: filter.on.map(|_| store.data().scenario.date),
        ..(*filter).clone()
    };
    let matching: Vec<&Rule> = rules
        .rules()
        .iter()
        .filter(|r| f.passes(rules, r))
        .collect();
    html! {
        <div class="rules-screen">
            <section class="rules-list" aria-labelledby="rl-title">
                <h2 id="rl-title" class="section-title">{ store.t(T::Rules) }</h2>
                <div class="rules-filters">
                    <div class="field">
                        <label for="rf-platform">{ store.t(T::Platform) }</label>
                        <select id="rf-platform" onchange={on_platform}>
                            <option value="" selected={f.platform.is_none()}>{ store.t(T::AnyOption) }</option>
                            { for rules.platforms().iter().map(|p| html! {
                                <option key={p.id.to_string()} value={p.id.to_string()} selected={f.platform.as_deref() == Some(&*p.id)}>
                                    { lang.pick(&p.name_en, &p.name_zh) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="rf-context">{ store.t(T::FilterContext) }</label>
                        <select id="rf-context" onchange={on_context}>
                            <option value="" selected={f.context.is_none()}>{ store.t(T::AnyOption) }</option>
                            { for Context::ALL.iter().map(|c| html! {
                                <option key={c.as_str()} value={c.as_str()} selected={f.context == Some(*c)}>{ context_name(*c).tr(lang) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field switch">
                        <label for="rf-day">{ store.t(T::InForceOnDay) }{ " " }{ store.data().scenario.date.to_string() }</label>
                        <input id="rf-day" type="checkbox" role="switch" checked={f.on.is_some()} onchange={on_day} />
                    </div>
                </div>
                <p class="rules-count" role="status">{ matching.len().min(SHOWN) }
                    if matching.len() > SHOWN { { " / " }{ matching.len() } }
                    { " " }{ store.t(T::RulesShown) }</p>
                { Html::from_html_unchecked(rules_markup(&matching[..matching.len().min(SHOWN)], rules, lang, target.as_deref()).into()) }
            </section>
            <editor::Editor />
        </div>
    }
}

/// A context's name.
fn context_name(c: Context) -> T {
    match c {
        Context::Chat => T::ChatCol,
        Context::Group => T::GroupCol,
        Context::Moments => T::Moments,
        Context::MiniProgram => T::MiniPrograms,
    }
}

/// The rules as markup: a list of disclosures with each rule's details.
/// Static text needs no diffing, and `html!` for the thirty-odd fields of
/// each rule cost kilobytes of the bundle; every value goes through
/// [`escape_html`].
fn rules_markup(list: &[&Rule], rules: &Rules, lang: Lang, target: Option<&str>) -> String {
    let mut out = String::with_capacity(64 + list.len() * 900);
    out.push_str("<ul class=\"rules-items\">");
    for r in list {
        rule_item(&mut out, r, rules, lang, target == Some(&*r.id));
    }
    out.push_str("</ul>");
    out
}

/// Appends `<dt>label</dt><dd>value</dd>`, the value escaped.
fn row(out: &mut String, label: T, lang: Lang, value: &str) {
    out.push_str("<dt>");
    out.push_str(label.tr(lang));
    out.push_str("</dt><dd>");
    escape_html(out, value);
    out.push_str("</dd>");
}

/// One rule, its details behind a disclosure.
fn rule_item(out: &mut String, r: &Rule, rules: &Rules, lang: Lang, open: bool) {
    let sep = lang.pick(": ", "：");
    let list = |v: Vec<String>, glue: &str| {
        if v.is_empty() {
            T::NoneLabel.tr(lang).to_string()
        } else {
            v.join(glue)
        }
    };
    let c = &r.conditions;
    let conditions: Vec<String> = [
        c.region.map(|x| String::from("region=") + x.as_str()),
        c.os.map(|x| String::from("os=") + x.as_str()),
        c.vpn
            .map(|x| String::from("vpn=") + if x { "on" } else { "off" }),
        c.cohort.map(|x| String::from("cohort=") + x.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let t = match lang {
        Lang::En => &r.texts.en,
        Lang::Zh => &r.texts.zh,
    };
    let platforms: Vec<String> = r
        .platforms
        .iter()
        .map(|p| {
            rules
                .platform(p)
                .map_or(p.clone(), |x| lang.pick(&x.name_en, &x.name_zh).to_string())
        })
        .collect();
    let id = &*r.id;
    out.push_str("<li><details class=\"rule\" tabindex=\"-1\" id=\"rule-");
    escape_html(out, id);
    out.push_str("\" data-rule=\"");
    escape_html(out, id);
    out.push_str("\" data-outcome=\"");
    out.push_str(r.outcome.as_str());
    out.push_str(if open { "\" open>" } else { "\">" });
    out.push_str("<summary><code>");
    escape_html(out, id);
    out.push_str("</code> · ");
    out.push_str(outcome_key(r.outcome).tr(lang));
    out.push_str("</summary><dl class=\"rule-details\">");
    row(out, T::InForce, lang, &in_force(r, lang));
    let contexts = r
        .contexts
        .iter()
        .map(|c| context_name(*c).tr(lang).to_string());
    row(
        out,
        T::ContextsLabel,
        lang,
        &list(contexts.collect(), lang.pick(", ", "、")),
    );
    row(out, T::PlatformsLabel, lang, &list(platforms, ", "));
    row(
        out,
        T::CategoriesLabel,
        lang,
        &list(r.categories.clone(), ", "),
    );
    let forms: Vec<String> = r.forms.iter().map(|f| f.as_str().to_string()).collect();
    row(out, T::FormsLabel, lang, &forms.join(", "));
    row(out, T::ConditionsLabel, lang, &list(conditions, ", "));
    let outcome = String::from(outcome_key(r.outcome).tr(lang))
        + " · "
        + T::DisplayLabel.tr(lang)
        + sep
        + r.display.as_str();
    row(out, T::Outcome, lang, &outcome);
    row(out, T::PriorityLabel, lang, &r.priority.to_string());
    let texts: Vec<&str> = [&t.title, &t.body, &t.reason]
        .into_iter()
        .filter(|x| !x.is_empty())
        .map(String::as_str)
        .collect();
    row(out, T::TextsLabel, lang, &texts.join(" · "));
    out.push_str("<dt>");
    out.push_str(T::Sources.tr(lang));
    out.push_str("</dt><dd>");
    for src in &r.sources {
        let entry = src.split('#').next().unwrap_or(src);
        out.push_str("<a class=\"why-source\" href=\"");
        escape_html(out, &href(&Route::Timeline, &[("id", entry)]));
        out.push_str("\">");
        escape_html(out, src);
        out.push_str("</a> ");
    }
    out.push_str("</dd>");
    row(
        out,
        T::ConfidenceLabel,
        lang,
        confidence_key(r.confidence).tr(lang),
    );
    if r.assumption {
        let what = r
            .assumed
            .as_ref()
            .map_or(T::Assumption.tr(lang), |a| a.get(lang));
        row(out, T::BadgeAssumption, lang, what);
    }
    out.push_str("</dl></details></li>");
}
