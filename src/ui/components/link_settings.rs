//! "Manage links" on Me: per-platform choices for group chats and the
//! reported links. A labelled extension of the record (R-2021-11-29).

use crate::i18n::T;
use crate::state::links::LinksAction;
use crate::state::model::LinkMode;
use crate::state::Action;
use crate::ui::hooks::use_store;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

const MODES: [(LinkMode, T); 3] = [
    (LinkMode::Show, T::ModeShow),
    (LinkMode::Fold, T::ModeFold),
    (LinkMode::Hide, T::ModeHide),
];

/// The settings list and the reports.
#[component]
pub fn LinkSettings() -> Html {
    let store = use_store();
    let lang = store.lang();
    let data = store.data();
    html! {
        <>
            <h2 class="section-title">{ store.t(T::ManageLinks) }</h2>
            <p class="section-help">{ store.t(T::ManageLinksNote) }</p>
            <div class="scenario full link-prefs">
                { for store.rules().platforms().iter().filter(|p| &*p.id != "wechat").map(|p| {
                    let id = p.id.to_string();
                    let field = String::from("link-mode-") + &id;
                    let mode = data.link_mode(&id);
                    let onchange = store.callback({
                        let id = id.clone();
                        move |e: Event| {
                            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                            Action::Links(LinksAction::SetMode {
                                platform: id.clone(),
                                mode: LinkMode::parse(&v).unwrap_or_default(),
                            })
                        }
                    });
                    html! {
                        <div class="field" key={id.clone()}>
                            <label for={field.clone()}>{ lang.pick(&p.name_en, &p.name_zh) }</label>
                            <select id={field} {onchange}>
                                { for MODES.iter().map(|(m, t)| html! {
                                    <option value={m.as_str()} selected={*m == mode}>{ store.t(*t) }</option>
                                }) }
                            </select>
                        </div>
                    }
                }) }
            </div>
            <h2 class="section-title">{ store.t(T::ReportedLinks) }</h2>
            if data.reports.is_empty() {
                <p class="section-help">{ store.t(T::NoReports) }</p>
            } else {
                <ul class="reports" aria-label={store.t(T::ReportedLinks)}>
                    { for data.reports.iter().map(|r| {
                        let id = r.id;
                        html! {
                            <li key={id}>
                                <code>{ &r.link }</code>
                                <span class="cell-sub">{ r.date.to_string() }</span>
                                <button onclick={store.callback(move |_| Action::Links(LinksAction::Withdraw(id)))}>
                                    { store.t(T::Withdraw) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </>
    }
}
