//! Creating a group and editing its members: one dialog for both.

use super::Avatar;
use crate::i18n::T;
use crate::state::chats::{check_group, GroupError, MAX_GROUP_NAME};
use crate::ui::hooks::use_modal;
use crate::ui::hooks::use_store;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`GroupEditor`].
#[derive(Properties, PartialEq)]
pub struct GroupEditorProps {
    /// Dialog heading.
    pub title: AttrValue,
    /// Label of the confirming button.
    pub confirm: AttrValue,
    /// Whether the name can be edited (creating) or only members (editing).
    #[prop_or(true)]
    pub with_name: bool,
    /// Members selected at first (contact ids).
    #[prop_or_default]
    pub members: Vec<String>,
    /// Called with the trimmed name (empty when `with_name` is false) and
    /// the chosen members, only when they are valid.
    pub on_save: Callback<(String, Vec<String>)>,
    /// Called on Cancel or Escape.
    pub on_cancel: Callback<()>,
    /// Extra content below the list (e.g. "Leave group").
    #[prop_or_default]
    pub children: Html,
}

/// A modal with a name field and the contacts as checkboxes. The confirm
/// button stays enabled; pressing it with bad input shows why and keeps
/// everything chosen so far.
#[component]
pub fn GroupEditor(props: &GroupEditorProps) -> Html {
    let store = use_store();
    let name = use_state(String::new);
    let members = use_state(|| props.members.clone());
    let error = use_state(|| None::<GroupError>);
    let lang = store.lang();

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let save = {
        let (name, members, error, with_name) = (
            name.clone(),
            members.clone(),
            error.clone(),
            props.with_name,
        );
        let on_save = props.on_save.clone();
        Callback::from(move |_: MouseEvent| {
            // Editing checks members only: pass a placeholder name.
            let checked = if with_name { name.trim() } else { "-" };
            match check_group(checked, &members) {
                Ok(()) => on_save.emit((name.trim().to_string(), (*members).clone())),
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let node = use_modal(true);
    let contacts = store.data().contacts_by_name(lang);
    let message = error.map(|e| match e {
        GroupError::NoName => T::GroupNoName,
        GroupError::NameTooLong => T::GroupNameTooLong,
        GroupError::TooFewMembers => T::GroupTooFew,
    });

    html! {
        <div class="dialog-backdrop">
            <div class="dialog group-editor" role="dialog" aria-modal="true" aria-labelledby="group-title" ref={node}>
                <h2 id="group-title" class="dialog-title">{ props.title.clone() }</h2>
                if props.with_name {
                    <label class="group-name">
                        <span>{ store.t(T::GroupName) }</span>
                        <input type="text" maxlength={(MAX_GROUP_NAME * 2).to_string()} value={(*name).clone()} oninput={on_name} />
                    </label>
                }
                <fieldset class="group-members">
                    <legend>{ store.t(T::GroupMembers) }{" ("}{ members.len() }{")"}</legend>
                    { for contacts.into_iter().map(|c| {
                        let id = c.id.clone();
                        let checked = members.contains(&id);
                        let toggle = {
                            let (members, id) = (members.clone(), id.clone());
                            Callback::from(move |_: Event| {
                                let mut m = (*members).clone();
                                if let Some(i) = m.iter().position(|x| *x == id) {
                                    m.remove(i);
                                } else {
                                    m.push(id.clone());
                                }
                                members.set(m);
                            })
                        };
                        html! {
                            <label key={id.clone()} class="member-option">
                                <input type="checkbox" {checked} onchange={toggle} />
                                <Avatar name={c.name(lang).to_string()} color={c.color.clone()} />
                                <span>{ c.name(lang) }</span>
                            </label>
                        }
                    }) }
                </fieldset>
                if let Some(m) = message {
                    <p class="field-error" role="alert">{ store.t(m) }</p>
                }
                { props.children.clone() }
                <div class="dialog-actions">
                    <button class="dialog-btn" data-cancel="" onclick={props.on_cancel.reform(|_| ())}>{ store.t(T::Cancel) }</button>
                    <button class="dialog-btn primary" onclick={save}>{ props.confirm.clone() }</button>
                </div>
            </div>
        </div>
    }
}
