//! The app store as a Yew context, read through `hooks::use_store`.

use crate::i18n::T;
use crate::lang::Lang;
use crate::state::model::{Data, Model};
use crate::state::{apply, Action};
use std::rc::Rc;
use yew::prelude::*;

/// The reducer's state: the model behind its own `Rc`, so that a [`Store`]
/// can hold a snapshot cheaply and tell snapshots apart by pointer.
pub struct Root(pub Rc<Model>);

impl PartialEq for Root {
    /// What is shown: a save changes only what the model keeps for the next
    /// rebase (`state::sync_tabs`), which must not render the app again.
    /// Cheap: unchanged chats and posts are the same `Rc`s.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
            || (self.0.notices == other.0.notices && self.0.data == other.0.data)
    }
}

impl Reducible for Root {
    type Action = Action;

    /// An action that changes nothing returns `self`: `use_reducer` then
    /// renders nothing, and a change shares every chat it didn't touch.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = apply(&self.0, action);
        if Rc::ptr_eq(&next, &self.0) {
            return self;
        }
        Rc::new(Root(next))
    }
}

/// The store's dispatcher, as its own context (`hooks::use_dispatch`): it
/// is the same for the app's whole life.
#[derive(Clone, PartialEq)]
pub struct Dispatch(UseReducerDispatcher<Root>);

impl Dispatch {
    /// The dispatcher of the reducer behind `handle`.
    pub fn new(handle: &UseReducerHandle<Root>) -> Dispatch {
        Dispatch(handle.dispatcher())
    }

    /// Applies an action.
    pub fn dispatch(&self, action: Action) {
        self.0.dispatch(action);
    }
}

/// A handle on the app state: read it, translate with it, dispatch to it.
#[derive(Clone)]
pub struct Store {
    model: Rc<Model>,
    dispatcher: UseReducerDispatcher<Root>,
}

impl PartialEq for Store {
    /// Cheap: every change makes a new model, so pointer equality suffices.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model)
    }
}

impl Store {
    /// A store over the reducer's current state.
    pub fn new(handle: &UseReducerHandle<Root>) -> Store {
        Store {
            model: handle.0.clone(),
            dispatcher: handle.dispatcher(),
        }
    }

    /// The whole state.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The saved data.
    pub fn data(&self) -> &Data {
        &self.model.data
    }

    /// The active rules (built-in or the user's applied file).
    pub fn rules(&self) -> &crate::policy::rules::Rules {
        self.model.data.rules()
    }

    /// The UI language.
    pub fn lang(&self) -> Lang {
        self.model.data.lang
    }

    /// The text of `key` in the current language.
    pub fn t(&self, key: T) -> &'static str {
        key.tr(self.model.data.lang)
    }

    /// "Now" in the simulation, for new messages: the scenario's day at the
    /// wall clock's time of day.
    pub fn now_ts(&self) -> i64 {
        let clock = js_sys::Date::new_0();
        crate::state::time::at(
            self.model.data.scenario.date,
            clock.get_hours() as u8,
            clock.get_minutes() as u8,
        )
    }

    /// Applies an action.
    pub fn dispatch(&self, action: Action) {
        self.dispatcher.dispatch(action);
    }

    /// A callback that turns an event into an action.
    pub fn callback<E: 'static>(&self, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let dispatcher = self.dispatcher.clone();
        Callback::from(move |e| dispatcher.dispatch(f(e)))
    }
}
