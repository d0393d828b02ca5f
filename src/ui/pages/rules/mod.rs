//! The rules screen (`#/rules`): the active rules as a filterable list
//! with each rule's details, and the editor for the whole file.
//! `#/rules?id=RULE` opens and scrolls to that rule.

mod editor;

use crate::i18n::T;
use crate::policy::rules::{Context, Rule};
use crate::present::rules::list;
use crate::present::words::context_name;
use crate::state::timeline::RuleFilter;
use crate::ui::components::markup::html;
use crate::ui::hooks::{use_location, use_reveal, use_store};
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
    use_reveal(target.as_ref().map(|id| String::from("rule-") + id));
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
                { html(list(&matching[..matching.len().min(SHOWN)], rules, lang, target.as_deref())) }
            </section>
            <editor::Editor />
        </div>
    }
}
