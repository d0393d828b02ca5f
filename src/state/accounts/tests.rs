use super::*;
use crate::state::model::Model;
use crate::state::seed::seed;
use crate::state::{reduce as reduce_all, Action};

fn on(date: &str) -> Data {
    let mut d = seed();
    d.scenario.date = Date::parse(date).unwrap();
    d
}

fn form(country: &str, phone: &str) -> SignUp {
    SignUp {
        country: country.into(),
        phone: phone.into(),
        name: "Mei".into(),
        kind: Some(AccountType::Personal),
        code: String::new(),
        code_sent_to: None,
    }
}

/// The form after "Get code" with the right code typed.
fn ready(d: &Data, mut f: SignUp) -> SignUp {
    let digits = can_send_code(d, &f).unwrap();
    f.code = code_for(&digits);
    f.code_sent_to = Some(digits);
    f
}

#[test]
fn the_suspension_stops_mainland_sign_ups_of_both_kinds_only_inside_its_window() {
    for kind in [AccountType::Personal, AccountType::Official] {
        for (date, open) in [
            ("2021-07-26", true),
            ("2021-07-27", false),
            ("2021-07-30", false),
            ("2021-08-04", false),
            ("2021-08-05", true),
        ] {
            let d = on(date);
            let mainland = SignUp {
                kind: Some(kind),
                ..form("+86", "13912345678")
            };
            let got = can_send_code(&d, &mainland);
            assert_eq!(got.is_ok(), open, "{date} {kind:?}: {got:?}");
            if !open {
                assert!(matches!(
                    got,
                    Err(SignUpError::Suspended {
                        source: "REG-2021-07-27",
                        ..
                    })
                ));
            }
            let overseas = SignUp {
                kind: Some(kind),
                ..form("+852", "91234567")
            };
            assert!(can_send_code(&d, &overseas).is_ok(), "{date} overseas");
        }
    }
}

#[test]
fn a_sign_up_needs_its_code_a_name_and_a_new_number() {
    let d = on("2021-08-10");
    let f = form("+86", "139 1234 5678");
    assert_eq!(check_sign_up(&d, &f), Err(SignUpError::NoCode));
    let mut f = ready(&d, f);
    let good = f.code.clone();
    f.code = if good == "000000" { "111111" } else { "000000" }.into();
    assert_eq!(check_sign_up(&d, &f), Err(SignUpError::WrongCode));
    f.code = good;
    f.name = "   ".into();
    assert_eq!(check_sign_up(&d, &f), Err(SignUpError::Name));
    f.name = "x".repeat(MAX_NAME_CHARS + 1);
    assert_eq!(check_sign_up(&d, &f), Err(SignUpError::Name));
    f.name = " Mei ".into();
    let a = check_sign_up(&d, &f).unwrap();
    assert_eq!(
        (
            a.id.as_str(),
            a.phone.as_str(),
            a.name_en.as_str(),
            a.region,
            a.seq
        ),
        (
            "a-86-13912345678",
            "13912345678",
            "Mei",
            Region::Mainland,
            1
        )
    );
    // The number changed after the code was sent: a new code is needed.
    let other = SignUp {
        phone: "13912345679".into(),
        ..f.clone()
    };
    assert_eq!(check_sign_up(&d, &other), Err(SignUpError::NoCode));
    // The demo account's number is taken.
    let demo = form("+86", "13800138000");
    assert_eq!(can_send_code(&d, &demo), Err(SignUpError::Taken));
    assert_eq!(
        can_send_code(&d, &form("+86", "1391234")).map_err(|e| e.reason()),
        Err("bad_phone")
    );
}

#[test]
fn phones_are_shown_masked() {
    assert_eq!(
        demo_account(Region::Mainland).masked_phone(),
        "+86 138****8000"
    );
    let mut a = demo_account(Region::Mainland);
    a.phone = "91234567".into();
    a.country = "+852".into();
    assert_eq!(a.masked_phone(), "+852 912*4567");
}

#[test]
fn the_code_is_six_digits_and_the_same_for_the_same_number() {
    let a = code_for("13912345678");
    assert_eq!(a.len(), 6);
    assert!(a.bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(a, code_for("13912345678"));
    assert_ne!(a, code_for("13912345679"));
}

fn register(m: &mut Model, country: &str, phone: &str) -> String {
    let f = ready(&m.data, form(country, phone));
    let account = check_sign_up(&m.data, &f).unwrap();
    let id = account.id.clone();
    reduce_all(
        m,
        Action::Accounts(AccountsAction::Register { account, ts: 9 }),
    );
    id
}

#[test]
fn a_new_account_starts_with_its_welcome_chat_and_switching_keeps_each_ones_data() {
    let mut m = Model::new(on("2021-08-10"));
    let demo_chats = m.data.chats.clone();
    assert!(!away_from_demo(&m.data), "in the demo account");
    let id = register(&mut m, "+86", "13912345678");
    assert!(away_from_demo(&m.data), "the chat list offers the way back");
    assert_eq!(m.data.account.id, id);
    assert_eq!(m.data.chats.len(), 1);
    assert_eq!(m.data.chats[0].messages[0].from, TEAM);
    assert!(m.data.moments.posts.is_empty());
    assert_eq!(accounts(&m.data).len(), 2);
    assert!(crate::state::persist::validate(&m.data).is_ok());

    // Something sent in the new account stays there.
    reduce_all(
        &mut m,
        Action::Chats(crate::state::chats::ChatsAction::Send {
            chat: "team".into(),
            from: crate::state::model::ME.into(),
            text: "hi".into(),
            ts: 10,
            id: 2,
        }),
    );
    reduce_all(
        &mut m,
        Action::Accounts(AccountsAction::Switch(DEMO_ACCOUNT.into())),
    );
    assert_eq!(m.data.account.id, DEMO_ACCOUNT);
    assert_eq!(m.data.chats, demo_chats);
    reduce_all(&mut m, Action::Accounts(AccountsAction::Switch(id.clone())));
    assert_eq!(m.data.chats[0].messages.len(), 2);
    // The list order is the order they were made, whichever is current.
    let order: Vec<&str> = accounts(&m.data).iter().map(|a| a.id.as_str()).collect();
    assert_eq!(order, [DEMO_ACCOUNT, id.as_str()]);

    // Unknown ids, the current one, and the same sign-up again do nothing.
    let rev = m.data.rev;
    reduce_all(&mut m, Action::Accounts(AccountsAction::Switch(id.clone())));
    reduce_all(
        &mut m,
        Action::Accounts(AccountsAction::Switch("a-ghost".into())),
    );
    let again = Account::clone(&m.data.account);
    reduce_all(
        &mut m,
        Action::Accounts(AccountsAction::Register {
            account: again,
            ts: 11,
        }),
    );
    assert_eq!(m.data.rev, rev);
    let text = crate::state::persist::encode(&m.data);
    assert_eq!(crate::state::persist::decode(&text), Ok(m.data.clone()));
}

#[test]
fn the_reducer_refuses_a_sign_up_inside_the_suspension() {
    let d = on("2021-08-10");
    let account = check_sign_up(&d, &ready(&d, form("+86", "13912345678"))).unwrap();
    let mut m = Model::new(on("2021-07-30"));
    reduce_all(
        &mut m,
        Action::Accounts(AccountsAction::Register { account, ts: 1 }),
    );
    assert_eq!((m.data.rev, m.data.account.id.as_str()), (0, DEMO_ACCOUNT));
}

#[test]
fn the_account_region_decides_sync_and_the_phone_region_the_vpn() {
    use crate::policy::scenario::Os;
    use crate::policy::sync::SyncTarget;
    use crate::state::moments::MomentsAction;
    // A mainland account on an iPhone abroad, no VPN: Facebook links.
    let mut m = Model::new(on("2021-08-10"));
    m.data.scenario.os = Os::Ios;
    m.data.scenario.region = Region::Overseas;
    m.data.scenario.vpn = false;
    assert_eq!(m.data.account.region, Region::Mainland);
    reduce_all(
        &mut m,
        Action::Moments(MomentsAction::Link(SyncTarget::Facebook)),
    );
    assert_eq!(m.data.moments.linked, [SyncTarget::Facebook]);
    // The same phone in the mainland without a VPN cannot.
    let mut m = Model::new(on("2021-08-10"));
    m.data.scenario.os = Os::Ios;
    reduce_all(
        &mut m,
        Action::Moments(MomentsAction::Link(SyncTarget::Facebook)),
    );
    assert!(m.data.moments.linked.is_empty());
}

#[test]
fn a_save_from_before_accounts_becomes_the_demo_account_unchanged() {
    let mut d = seed();
    d.scenario.region = Region::Overseas;
    let text = crate::state::persist::encode(&d);
    let cut = text.find(",\"douyin\"").unwrap();
    let old = text[..cut].to_string() + "}";
    let back = crate::state::persist::decode(&old).unwrap();
    assert_eq!(back.chats, d.chats);
    assert_eq!(back.account.id, DEMO_ACCOUNT);
    assert_eq!(back.account.region, Region::Overseas, "its one switch kept");
    assert!(back.others.is_empty());
}

#[test]
fn two_accounts_with_one_number_fail_validation() {
    let mut m = Model::new(on("2021-08-10"));
    register(&mut m, "+44", "7700900123");
    let mut d = m.data.clone();
    let a = Rc::make_mut(&mut d.account);
    a.phone = "13800138000".into();
    a.country = "+86".into();
    assert_eq!(
        crate::state::persist::validate(&d),
        Err(crate::state::persist::PersistError::BadAccount)
    );
}

#[test]
fn a_rebase_puts_each_action_back_in_the_account_it_was_made_in() {
    use crate::state::chats::ChatsAction;
    use crate::state::model::ME;
    use crate::state::sync_tabs::{save_into, Dropped};
    // Both tabs start from a save holding two accounts, Mei current.
    let mut first = Model::new(on("2021-08-10"));
    let mei = register(&mut first, "+86", "13912345678");
    let saved = save_into(&mut first, None).unwrap();
    let start = crate::state::persist::decode(&saved).unwrap();
    let (mut a, mut b) = (Model::new(start.clone()), Model::new(start));
    // Tab A writes to Mei's welcome chat; tab B switches to the demo
    // account and saves first.
    let send = |text: &str, id| {
        Action::Chats(ChatsAction::Send {
            chat: "team".into(),
            from: ME.into(),
            text: text.into(),
            ts: 50,
            id,
        })
    };
    reduce_all(&mut a, send("from tab A", 2));
    reduce_all(
        &mut b,
        Action::Accounts(AccountsAction::Switch(DEMO_ACCOUNT.into())),
    );
    let stored = save_into(&mut b, Some(&saved)).unwrap();
    let stored = save_into(&mut a, Some(&stored)).unwrap();
    let end = crate::state::persist::decode(&stored).unwrap();
    // The message is in Mei's chat, and Mei is current again (tab A's
    // user is looking at Mei's chat).
    assert_eq!(end.account.id, mei);
    let team = end.chat("team").unwrap();
    assert_eq!(team.messages.last().unwrap().text, "from tab A");
    assert!(end.others.iter().any(|s| s.account.id == DEMO_ACCOUNT));
    assert!(a
        .notices
        .iter()
        .all(|n| !matches!(n.kind, crate::state::model::NoticeKind::Dropped(_))));

    // After a reset in another tab Mei is gone: her message is dropped
    // with a notice, not written into the demo account.
    let mut c = Model::new(end.clone());
    reduce_all(&mut c, send("too late", 3));
    let mut d = Model::new(end);
    reduce_all(&mut d, Action::Reset);
    let reset = save_into(&mut d, Some(&stored)).unwrap();
    save_into(&mut c, Some(&reset));
    assert_eq!(c.data.account.id, DEMO_ACCOUNT);
    assert!(c.data.chat("team").is_none());
    assert!(c
        .notices
        .iter()
        .any(|n| n.kind == crate::state::model::NoticeKind::Dropped(Dropped::Account)));
}

/// The sign-up form is a reducer: each edit sets its field, an edit that
/// changes nothing says so, and a code sent is forgotten when the number
/// or its country changes (the code shown was that number's).
#[test]
fn the_sign_up_form_forgets_the_code_when_the_number_changes() {
    let d = on("2021-08-10");
    let mut f = SignUp::default();
    assert!(f.apply(SignUpEdit::Country("+86".into())));
    assert!(f.apply(SignUpEdit::Phone("139 1234 5678".into())));
    assert!(f.apply(SignUpEdit::Name("Mei".into())));
    assert!(f.apply(SignUpEdit::Kind(Some(AccountType::Personal))));
    let digits = can_send_code(&d, &f).unwrap();
    assert!(f.apply(SignUpEdit::CodeSent(digits.clone())));
    assert!(f.apply(SignUpEdit::Code(code_for(&digits))));
    assert!(
        !f.apply(SignUpEdit::Name("Mei".into())),
        "the same name: no change"
    );
    assert!(
        !f.apply(SignUpEdit::Phone("139 1234 5678".into())),
        "same number: the code stays"
    );
    assert_eq!(f.code_sent_to.as_deref(), Some(digits.as_str()));
    assert!(check_sign_up(&d, &f).is_ok());
    // Another number: its code must be asked for again.
    assert!(f.apply(SignUpEdit::Phone("139 1234 5679".into())));
    assert_eq!(f.code_sent_to, None);
    assert!(matches!(check_sign_up(&d, &f), Err(SignUpError::NoCode)));
    // The same for another country.
    f.apply(SignUpEdit::CodeSent("13912345679".into()));
    assert!(f.apply(SignUpEdit::Country("+852".into())));
    assert_eq!(f.code_sent_to, None);
}
