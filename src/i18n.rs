//! The one string table of the UI, in English and Simplified Chinese.
//!
//! Every visible string of the app comes from here so that switching the
//! language is instant and complete. Strings are `&'static str` picked by a
//! `match`-free array lookup: no formatting machinery, no allocation.

mod accounts;
pub mod cite;
pub mod compare;
pub mod connection;
pub mod correction;
pub mod download;
pub mod errors;
pub mod moments;
mod rules_import;
pub mod stories;
mod sync;
pub mod time;

pub use errors::{reason, Explain};

use crate::lang::Lang;

/// Where each string of a table ends, from their lengths (`[0, l0, l0 + l1, …]`).
const fn ends<const N: usize>(lens: &[usize]) -> [u16; N] {
    let mut at = [0u16; N];
    let mut i = 0;
    while i < lens.len() {
        at[i + 1] = at[i] + lens[i] as u16;
        i += 1;
    }
    at
}

/// A string table: the enum `$name` of its keys, each language's strings
/// end to end cut by `u16` offsets (two a key instead of a pointer and a
/// length: about 1 KB of the bundle for `T`), and `$name::tr`. Used for
/// `T` and for Connection's own table (`i18n::connection::C`).
macro_rules! strings {
    ($name:ident; $($key:ident => $en:expr, $zh:expr;)+) => {
        /// A key of the string table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum $name { $($key,)+ }

        const EN_ALL: &str = concat!($($en,)+);
        const ZH_ALL: &str = concat!($($zh,)+);
        const EN_AT: [u16; COUNT + 1] = $crate::i18n::ends(&[$($en.len(),)+]);
        const ZH_AT: [u16; COUNT + 1] = $crate::i18n::ends(&[$($zh.len(),)+]);
        const COUNT: usize = [$($name::$key,)+].len();
        #[cfg(test)]
        const EN: &[&str] = &[$($en,)+];
        #[cfg(test)]
        const ZH: &[&str] = &[$($zh,)+];
        #[cfg(test)]
        const ALL: &[$name] = &[$($name::$key,)+];

        impl $name {
            /// The text of this key in `lang`.
            pub fn tr(self, lang: $crate::lang::Lang) -> &'static str {
                let i = self as usize;
                let (all, at) = match lang {
                    $crate::lang::Lang::En => (EN_ALL, &EN_AT),
                    $crate::lang::Lang::Zh => (ZH_ALL, &ZH_AT),
                };
                all.get(at[i] as usize..at[i + 1] as usize)
                    .unwrap_or_default()
            }
        }
    };
}
pub(crate) use strings;

strings! {
    T;
    Chats => "Chats", "微信";
    Contacts => "Contacts", "通讯录";
    Discover => "Discover", "发现";
    Me => "Me", "我";
    Back => "Back", "返回";
    Moments => "Moments", "朋友圈";
    MiniPrograms => "Mini Programs", "小程序";
    LinkOpener => "Link opener", "链接打开器";
    Connection => "Connection (Douyin)", "连线（抖音）";
    Timeline => "Timeline", "时间线";
    Rules => "Rules", "规则";
    // Time travel (issue 17): timeline, matrix, chart, what changed, rules editor.
    CustomRulesWhy => "Decided by your own rules (applied in the rules editor), not the built-in ones.", "由你自己的规则判定（在规则编辑器中应用），而非内置规则。";
    CustomRulesFlag => "Custom rules", "自定义规则";
    ScenarioDate => "Scenario date", "情景日期";
    ScrubberHelp => "Arrow keys move a day, Page Up and Page Down a month.", "方向键按天移动，翻页键按月移动。";
    Events => "Events of the record", "记录中的事件";
    JumpTo => "Jump to", "跳到此日";
    OutcomeMatrix => "Outcome matrix", "结果矩阵";
    MatrixHelp => "What each platform's links did on the scenario's day, for its cohort. A cell opens that link in the link opener.", "各平台链接在情景日期、当前灰度批次下的结果。点击单元格可在链接打开器中打开该链接。";
    Legend => "Legend", "图例";
    ChatCol => "Chat", "单聊";
    GroupCol => "Group", "群聊";
    OverTheYears => "Over the years", "历年变化";
    ChartContext => "Chart context", "图表场景";
    FromDay => "From", "起始日";
    ToDay => "To", "截止日";
    Compare => "Compare", "比较";
    WhatChanged => "What changed", "有何变化";
    NothingChanged => "Nothing changed between these two days.", "这两天之间没有任何变化。";
    ChangedCells => "cells changed", "个单元格有变化";
    RulesCiting => "Rules citing it", "引用它的规则";
    ContextOnly => "Context: no rule of the simulator follows from this entry.", "背景信息：模拟器中没有任何规则依据此条目。";
    UsedBy => "Used by", "用于";
    UseSync => "Moments sync", "朋友圈同步";
    NoStart => "Start not in the record", "记录中没有开始日期";
    // Issue 25: each platform's history, and every change in between.
    HistoryTitle => "History", "变化历史";
    HistoryHelp => "What this platform's links did in WeChat, and every day on which that changed, from 2013 to 2023, for the scenario's region, phone, VPN and cohort. The rules behind each change come second.", "该平台的链接在微信中的遭遇，以及 2013 至 2023 年间每一次变化的日期（按当前场景的地区、手机、VPN 和用户组）。每次变化背后的规则列在其后。";
    HistoryFirst => "At first", "起初";
    Stories => "Stories", "故事";
    HistoryOnDay => "On your day,", "在你的日期";
    HistorySince => "since", "自";
    HistoryNoChange => "No change from 2013 to 2023.", "2013 至 2023 年间没有变化。";
    HistoryUnknown => "The active rules have no platform with this id:", "当前规则中没有这个平台：";
    HistoryMissing => "Choose a platform to see every change of its links.", "选择一个平台，查看其链接的每一次变化。";
    HistoryPick => "Choose a platform", "选择平台";
    EveryChangeOf => "Every change of", "历次变化：";
    EveryChangeBetween => "Every change in between", "其间每次变化";
    ChangesBetween => "changes in between", "次变化";
    NoDate => "No date in the record", "记录中没有日期";
    RecordSays => "the record says", "记录原文";
    Inferred => "(inferred)", "（推断）";
    WeakEntry => "weak: only reprints or aggregators", "较弱：仅见于转载或聚合";
    PrecMonth => "(month only)", "（仅知月份）";
    PrecApprox => "(approximate)", "（约）";
    PrecUnknown => "(date unknown)", "（日期未知）";
    // Issue 25: the chart with years and the scrubber's events.
    ChartHelp => "One row per platform, one bar per stretch of days with the same outcome. Point at a bar or focus it for its days; press it to go to its first day. A platform's name opens its history.", "每个平台一行，结果相同的一段日子为一段色条。指向或聚焦色条可查看其日期；按下即跳到其第一天。点击平台名称可查看其历史。";
    ChartTo => "to", "至";
    ChartFrom => "from", "起";
    ChartOn => "on", "当天";
    ChartThroughout => "all the years shown", "图中各年";
    ChartYears => "Years", "年份";
    ChartPaler => "Paler: the card looks different", "颜色较浅：卡片显示方式不同";
    ChartDay => "The scenario's day", "情景日期";
    EventsHelp => "Each event moves the scenario to its day.", "点击事件即跳到其日期。";
    UntilDay => "until", "至";
    DispPrivate => "only the poster sees it", "仅发布者可见";
    DispFolded => "folded", "折叠";
    DispText => "as plain text", "纯文本";
    FilterContext => "Context", "场景";
    AnyOption => "Any", "全部";
    InForceOnDay => "In force on the scenario's day", "在情景日期生效";
    RulesShown => "rules shown", "条规则";
    ContextsLabel => "Contexts", "场景";
    PlatformsLabel => "Platforms", "平台";
    CategoriesLabel => "Categories", "类别";
    FormsLabel => "Link forms", "链接形式";
    DisplayLabel => "Card", "卡片";
    ConfidenceLabel => "Confidence", "可信度";
    ConditionsLabel => "Conditions", "条件";
    PriorityLabel => "Priority", "优先级";
    TextsLabel => "Texts", "文案";
    NoneLabel => "none", "无";
    RulesFile => "Rules file", "规则文件";
    Validate => "Validate", "校验";
    Apply => "Apply", "应用";
    ResetBuiltin => "Reset to built-in", "恢复内置规则";
    RulesExport => "Export", "导出";
    RulesImport => "Import", "导入";
    FileValid => "Valid:", "有效：";
    RulesCount => "rules", "条规则";
    PlatformsCount => "platforms", "个平台";
    ErrorsCount => "errors: the active rules are unchanged.", "个错误：当前规则未改变。";
    AppliedNote => "Applied: every decision now follows these rules.", "已应用：所有判定现在遵循这些规则。";
    ResetNote => "Back to the built-in rules.", "已恢复内置规则。";
    ImportedNote => "Imported into the editor: validate it, then apply it.", "已导入编辑器：请校验后应用。";
    ImportTooLarge => "Not imported: the file is larger than 5 MB.", "未导入：文件超过 5 兆字节。";
    ImportNotUtf8 => "Not imported: the file is not UTF-8 text.", "未导入：文件不是 UTF-8 文本。";
    ImportNotJson => "Not imported: the file is not JSON.", "未导入：文件不是 JSON。";
    ImportUnreadable => "Not imported: the file could not be read.", "未导入：无法读取文件。";
    ActiveBuiltin => "In force: the built-in rules.", "当前生效：内置规则。";
    ActiveCustom => "In force: your own rules.", "当前生效：你自己的规则。";
    EditorNote => "The built-in file is shown without its notes for people; its rules are the same.", "内置文件显示时省略了说明文字，规则本身不变。";
    Register => "Sign up", "注册";
    CountryCode => "Country code", "国家和地区";
    PhoneNumber => "Phone number", "手机号";
    AccountName => "Name", "名字";
    VerificationCode => "Verification code", "验证码";
    AccountType => "Account type", "帐号类型";
    PersonalAccount => "Personal account", "个人帐号";
    OfficialAccount => "Official account", "公众号";
    GetCode => "Get code", "获取验证码";
    CodeShown => "Test environment, no text message is sent. Your code:", "测试环境，不发送短信。你的验证码：";
    RegisterHelp => "A new account starts with one welcome chat and no demo data. Where the phone is now is the scenario's region.", "新帐号只有一条欢迎聊天，没有演示数据。手机现在所在地是情景中的地区。";
    InOwnAccount => "This account has its own chats, Moments and settings. The demo account and its chats are kept:", "这个帐号有自己的聊天、朋友圈和设置。演示帐号和它的聊天都还在：";
    BackToDemo => "Back to the demo account", "回到演示帐号";
    NoMatch => "No chat matches", "没有匹配的聊天：";
    CountryAssumption => "The simulator takes a +86 number as a mainland account and any other code as an overseas one. The record (REG-2021-07-27: \"applies to mainland users only\") does not say how WeChat told them apart.", "模拟器把 +86 号码视为中国大陆帐号，其他区号视为海外帐号。记录（REG-2021-07-27：“仅限中国大陆用户”）没有说明微信如何区分两者。";
    SuspendedSince => "Since", "开始于";
    SuspendedUntil => "Expected back (inferred)", "预计恢复（推断）";
    Accounts => "Accounts", "帐号";
    AddAccount => "Add account", "添加帐号";
    Switch => "Switch", "切换";
    CurrentAccount => "Current", "当前";
    NotFoundTitle => "Page not found", "页面不存在";
    NotFoundBody => "There is nothing at this address.", "此地址没有内容。";
    GoToChats => "Go to Chats", "返回微信";
    Scenario => "Scenario", "情景";
    ScenarioHelp => "The moment and place WeChat is simulated in. Every screen follows it.", "模拟微信所处的时间和地点，所有页面都据此运行。";
    Date => "Date", "日期";
    Region => "Region", "地区";
    Phone => "Phone", "手机";
    Vpn => "VPN", "VPN";
    Cohort => "Cohort", "灰度批次";
    CohortEarly => "Early (got rollouts first)", "较早（先获得新功能）";
    CohortLate => "Late (the default)", "较晚（默认）";
    Language => "Language", "语言";
    // Issue 25: a contact's profile (from Contacts).
    ProfileMessages => "Messages", "发消息";
    // Issue 25: orientation (the welcome, the side panel, the scenario bar).
    AppName => "Walled Garden", "围墙花园";
    AppTagline => "What WeChat did with rival apps' links, day by day, 2013 to 2023.", "逐日重现微信在 2013 至 2023 年间如何对待竞争对手 App 的链接。";
    AboutApp => "About Walled Garden", "关于围墙花园";
    WelcomeTitle => "Welcome to Walled Garden", "欢迎来到围墙花园";
    WelcomeWhat => "A mock WeChat that replays what WeChat did with rival apps' links (Taobao, Douyin, Feishu, JD…) on any day from 2013 to 2023. Every result names the rule, its source in the record and how sure the record is.", "一个模拟的微信，重现 2013 至 2023 年间任意一天微信如何对待竞争对手 App 的链接（淘宝、抖音、飞书、京东……）。每个结果都注明所依据的规则、它在记录中的出处，以及这条记录有多可靠。";
    WelcomeDay => "The simulated day", "模拟的日期";
    WelcomeDayHelp => "Every screen shows WeChat as it was on that day. Change it, and the region, phone, VPN and cohort, from Scenario on any screen or on Me.", "每个页面都显示微信在那一天的样子。可在任一页面的「情景」或在「我」页面修改它，以及地区、手机、VPN 和灰度批次。";
    WaysIn => "Where to start", "从哪里开始";
    WayStories => "A guided story: the record step by step on the live screens, for a class or a first look", "导览故事：在真实界面上一步步讲述记录，适合课堂或初次了解";
    WayOpener => "Link opener: paste a link, see what WeChat did with it", "链接打开器：粘贴一个链接，看看微信如何处理";
    WayTimeline => "Timeline: the dated record, 2013 to 2023, with its sources", "时间线：2013 至 2023 年有日期的记录及其出处";
    WayChats => "Or tap a link in a chat, as you would in WeChat.", "或者像在微信里一样，点开聊天中的链接。";
    WelcomeStart => "Start", "开始";
    EditScenario => "Edit scenario", "编辑情景";
    ThisScreen => "This screen", "本页";
    ScreenRecord => "Record entries behind it on that day:", "当天本页依据的记录条目：";
    ScColon => ": ", "：";
    ScSep => ", ", "，";
    ScMainland => "mainland", "中国大陆";
    ScOverseas => "overseas", "海外";
    ScIos => "iOS", "iOS";
    ScAndroid => "Android", "安卓";
    ScVpnOn => "VPN on", "VPN 开启";
    ScVpnOff => "VPN off", "VPN 关闭";
    ScEarly => "early cohort", "较早批次";
    ScLate => "late cohort", "较晚批次";
    ExplainChats => "Your chats as WeChat showed them on the simulated day. Tap a chat, then a link card, to see what WeChat did with it and why.", "模拟当天微信里的聊天列表。点开一个聊天，再点开链接卡片，看看微信如何处理它以及原因。";
    ExplainChat => "A conversation with rival apps' links in it. Each card is opened, folded or blocked as the rules of that day say; tap it for the rule, its source and how sure the record is.", "一段含有其他 App 链接的对话。每张卡片按当天的规则打开、折叠或屏蔽；点开可查看规则、出处以及记录有多可靠。";
    ExplainContacts => "The demo's people. Their chats and posts carry the links the simulator decides on.", "演示中的联系人。他们的聊天和朋友圈里带有模拟器要判定的链接。";
    ExplainDiscover => "The doors to Moments and mini programs, and to the simulator's tools: the link opener, the timeline and the rules.", "通往朋友圈和小程序的入口，也是模拟器工具的入口：链接打开器、时间线和规则。";
    ExplainMoments => "Posts with links, as each viewer saw them that day. Links in Moments had rules of their own.", "带链接的朋友圈动态，按当天每位查看者看到的样子显示。朋友圈里的链接有专门的规则。";
    ExplainOpen => "Paste any link and choose where it was shared. The result is what WeChat did on the simulated day, with the rule, its source and its confidence.", "粘贴任意链接并选择分享的场景。结果就是微信在模拟当天的处理方式，附有规则、出处和可信程度。";
    ExplainMini => "WeChat's own answer to outside links: mini programs, and the links that open them.", "微信对外部链接的自家方案：小程序，以及打开小程序的链接。";
    ExplainTimeline => "The dated record behind every rule, 2013 to 2023, with its sources. Move the date to travel in time.", "每条规则背后有日期的记录（2013 至 2023 年）及其出处。移动日期即可穿越时间。";
    ExplainHistory => "Every day this platform's links changed, in chats, groups and Moments, with the rules on each side of the change.", "这个平台的链接在单聊、群聊和朋友圈中每一次变化的日期，以及变化前后的规则。";
    ExplainRules => "The rules the simulator runs, as data. Inspect them, or apply your own and watch every screen follow.", "模拟器运行的规则数据。可以查看，也可以应用你自己的规则，所有页面都会随之变化。";
    ExplainMe => "The scenario every screen follows (date, region, phone, VPN, cohort), the language and your data.", "所有页面都遵循的情景（日期、地区、手机、VPN、灰度批次）、语言以及你的数据。";
    ExplainRegister => "Signing up for WeChat on the simulated day, with the suspensions and checks of the time.", "在模拟当天注册微信，包括当时的暂停注册和各项验证。";
    ExplainConnection => "Douyin's Connection, in Douyin's own frame: how a rival app sent its users on to WeChat.", "在抖音自己界面里的连线功能：一个竞争对手 App 如何把用户引向微信。";
    ExplainOther => "Every screen follows the scenario above: change it to see another day.", "每个页面都遵循上方的情景：修改它即可查看另一天。";
    Mainland => "Mainland China", "中国大陆";
    Overseas => "Overseas", "海外";
    Ios => "iOS", "iOS";
    Android => "Android", "安卓";
    English => "English", "English";
    Chinese => "简体中文", "简体中文";
    CopyScenarioLink => "Copy link to this scenario", "复制此情景的链接";
    Copied => "Link copied", "已复制链接";
    CopyFailed => "Could not copy automatically: the link is selected below, copy it by hand.", "无法自动复制：链接已在下方选中，请手动复制。";
    ResetData => "Reset demo data", "重置演示数据";
    ResetConfirmTitle => "Reset demo data?", "重置演示数据？";
    ResetConfirmBody => "Chats, settings and the scenario go back to the built-in demo. This cannot be undone.", "聊天、设置和情景将恢复为内置演示数据，且无法撤销。";
    Reset => "Reset", "重置";
    Cancel => "Cancel", "取消";
    Dismiss => "Dismiss", "关闭";
    DateInvalid => "Enter a complete date (YYYY-MM-DD).", "请输入完整日期（年-月-日）。";
    BadParam => "Ignored an invalid address parameter:", "已忽略无效的地址参数：";
    BadParamOutside => "Ignored a day outside the record (2013-01-01 to 2023-12-31), kept the current day:", "已忽略记录范围（2013-01-01 至 2023-12-31）之外的日期，仍用当前日期：";
    StorageRecovered => "Saved data could not be read, so the demo data was loaded. The unreadable data is kept under the key", "无法读取已保存的数据，已载入演示数据。无法读取的数据保存在键名";
    StorageWriteFailed => "Not saved: this browser's storage is full or off. What was saved before is safe; new changes last while this page is open. Deleting a long chat frees space.", "未保存：浏览器存储已满或已停用。之前保存的内容完好；新的更改在页面打开期间保留。删除较长的聊天可释放空间。";
    StorageSynced => "Updated with changes made in another tab.", "已同步另一个标签页中的更改。";
    Search => "Search", "搜索";
    NoChats => "No chats yet.", "暂无聊天。";
    ChatNotFound => "This chat does not exist (it may have been deleted).", "此聊天不存在（可能已被删除）。";
    Message => "Message", "消息";
    Send => "Send", "发送";
    SendAs => "Send as", "发送身份";
    Voice => "Voice input", "切换到按住说话";
    Emoji => "Emoji", "表情";
    MoreInput => "More", "更多功能";
    NotSimulated => "Not in this simulator", "本模拟器不提供";
    ShowEarlier => "Show earlier messages", "查看更早的消息";
    ShowLater => "Show later messages", "查看更新的消息";
    MoreActions => "More actions", "更多操作";
    NewGroup => "New group", "发起群聊";
    LinkFolded => "Link folded · tap to show", "链接已折叠 · 点击展开";
    LinkHidden => "A link was hidden by your settings:", "根据您的设置已隐藏一个链接：";
    ManageLinks => "Links in group chats", "群聊中的链接";
    ManageLinksNote => "Simulator extension: WeChat promised this choice and a complaint channel on 2021-11-29 (R-2021-11-29) but never visibly shipped them.", "模拟器扩展功能：微信于 2021-11-29 承诺提供此选项和链接投诉渠道（R-2021-11-29），但从未正式上线。";
    ModeShow => "Show", "显示";
    ModeFold => "Fold", "折叠";
    ModeHide => "Hide", "隐藏";
    ReportLink => "Report this link", "举报此链接";
    Reported => "Reported", "已举报";
    ReportedLinks => "Reported links", "已举报的链接";
    NoReports => "No reported links.", "暂无举报的链接。";
    Withdraw => "Withdraw", "撤回";
    TaobaoPasswordText => "Taobao password text: copy it and open Taobao", "淘口令：复制后打开淘宝";
    LinkOf => "link", "链接";
    GroupName => "Group name", "群聊名称";
    GroupMembers => "Members", "群成员";
    Create => "Create", "创建";
    Save => "Save", "保存";
    LeaveGroup => "Leave group", "退出群聊";
    LeaveGroupTitle => "Leave this group?", "退出该群聊？";
    LeaveGroupBody => "The group and its messages are removed from your chats.", "该群聊及其消息将从您的聊天列表中删除。";
    GroupNoName => "Give the group a name.", "请输入群聊名称。";
    GroupNameTooLong => "The name is too long (at most 30 characters).", "名称过长（最多 30 个字符）。";
    GroupTooFew => "Pick at least two contacts.", "请至少选择两位联系人。";
    MarkRead => "Mark as read", "标为已读";
    MarkUnread => "Mark as unread", "标为未读";
    Delete => "Delete", "删除";
    DeleteChatTitle => "Delete this chat?", "删除该聊天？";
    DeleteChatBody => "Its messages are removed from this browser. This cannot be undone.", "聊天记录将从此浏览器中删除，且无法撤销。";
    TooLong => "Too long to send; shorten it (your text is kept). Characters:", "内容过长，无法发送；请删减（已保留您的文字）。字数：";
    Yesterday => "Yesterday", "昨天";
    WeChatId => "WeChat ID", "微信号";
    Data => "Data", "数据";
    // Nothing lost across tabs (issue 19): export and import of all data.
    ExportData => "Export my data", "导出我的数据";
    ImportData => "Import", "导入";
    DataFile => "Data file to import", "要导入的数据文件";
    ImportConfirmTitle => "Replace all data with this file?", "用此文件替换全部数据？";
    ImportConfirmBody => "Chats, Moments, settings and rules are replaced by the file's. What is here now is kept in this browser under the key walled-garden.before-import.", "聊天、朋友圈、设置和规则将被文件中的内容替换。当前的数据会保存在此浏览器中，键名为 walled-garden.before-import。";
    ImportReplace => "Replace", "替换";
    ImportedNotice => "Imported. The data from before is kept under the key", "已导入。导入前的数据保存在键名";
    ErrorTitle => "Something went wrong", "出错了";
    ErrorBody => "Walled Garden hit an unexpected error. Your saved data is safe.", "围墙花园遇到意外错误。已保存的数据不受影响。";
    Reload => "Reload", "重新加载";
    Unread => "unread", "条未读";
    Tabs => "Main", "主导航";
    // Link opener (issue 4).
    Link => "Link", "链接";
    SharedIn => "Shared in", "分享到";
    InChat => "One-to-one chat", "单聊";
    InGroup => "Group chat", "群聊";
    OpenLink => "Open", "打开";
    EnterLink => "Enter a link above to see what WeChat did with it on the chosen day.", "请在上方输入链接，查看微信在所选日期如何处理它。";
    Tester => "I am a tester of mini programs", "我是小程序体验成员";
    Platform => "Platform", "平台";
    Host => "Host", "域名";
    NoPlatform => "a site the record says nothing about", "记录中没有提到的网站";
    Outcome => "Outcome", "结果";
    OutOpen => "Opens in WeChat's in-app browser", "在微信内置浏览器中打开";
    OutConfirm => "Opens after a confirmation page", "确认后打开";
    OutWarn => "Opens after a warning page", "经提示页后打开";
    OutCopy => "Does not open: copy it to a browser", "无法打开：需复制到浏览器";
    OutBlocked => "Blocked", "已被屏蔽";
    OutMini => "Opens the mini program", "打开小程序";
    OutRejected => "Never opened: not a link WeChat opens", "不会被打开：不是微信会打开的链接";
    ChipOpen => "Opens", "直接打开";
    ChipConfirm => "Confirm first", "需确认";
    ChipWarn => "Warning first", "有提示";
    ChipCopy => "Copy to browser", "需复制";
    ChipBlocked => "Blocked", "已屏蔽";
    ChipMini => "Mini program", "小程序";
    ChipRejected => "Not a link", "非链接";
    ChipNoPlatform => "Not in the record", "记录外";
    Why => "Why", "原因";
    Decides => "gave this answer", "给出了这个结果";
    Agrees => "gives the same answer", "结果相同";
    InForce => "in force", "有效期";
    Sources => "sources", "来源";
    LowConfidence => "low confidence: weak sources", "可信度低：来源较弱";
    Assumption => "assumption: not in any source", "假设：无来源依据";
    BadgeLow => "Low confidence", "可信度低";
    BadgeHigh => "High confidence", "可信度高";
    YourCohort => "Your cohort", "你的灰度批次";
    CohortMeans => "WeChat rolled some changes out to some accounts before others; on this day both cohorts saw the same.", "微信的部分改动先推给一部分帐号；这一天两个批次看到的相同。";
    ConfidenceCol => "Confidence", "可信度";
    AssumptionCol => "Assumption", "假设";
    ConfHigh => "High", "高";
    ConfMedium => "Medium", "中";
    ConfLow => "Low", "低";
    Yes => "Yes", "是";
    No => "No", "否";
    BadgeMedium => "Medium confidence", "可信度中";
    BadgeAssumption => "Assumption", "假设";
    Assumed => "What was assumed", "假设了什么";
    Caveat => "Less sure", "较不确定";
    OtherCohort => "The other cohort saw something else", "另一灰度批次看到的不同";
    EarlyCohortSaw => "Early-cohort users saw", "较早批次的用户看到";
    LateCohortSaw => "Late-cohort users saw", "较晚批次的用户看到";
    PlatformAssumed => "the platform's domain is assumed", "该平台的域名是假设";
    Supplies => "supplies", "提供";
    PartPage => "the page", "页面";
    PartDisplay => "the card", "卡片样式";
    PartShare => "the share button", "分享按钮";
    PartNetwork => "whether the page loads", "页面能否加载";
    NetworkLabel => "The network, not WeChat", "网络，而非微信";
    NetworkStep => "blocks the site from the mainland without a VPN", "在中国大陆不使用 VPN 时屏蔽该网站";
    ReachableCol => "Loads", "能否加载";
    Unreachable => "Not without a VPN", "需 VPN";
    Close => "Close", "关闭";
    More => "More", "更多";
    Continue => "Continue", "继续访问";
    CopyLink => "Copy link", "复制链接";
    MockPage => "A mock page: the real site is never loaded.", "模拟页面：不会加载真实网站。";
    Product => "Product", "商品";
    BuyNow => "Buy now", "立即购买";
    Video => "Video", "视频";
    VideoMeta => "12.3k likes · 860 comments", "1.2万 赞 · 860 评论";
    Document => "Document", "文档";
    DocMeta => "Meeting notes · edited today", "会议纪要 · 今天编辑";
    WebPage => "Web page", "网页";
    MiniProgram => "Mini program", "小程序";
    Share => "Share", "分享";
    SendTo => "Send to", "发送给";
    SentTo => "Sent to", "已发送给";
    ShortLinkOutside => "Short links work inside WeChat only: opened outside WeChat, this link does nothing.", "小程序短链只能在微信内使用：在微信外打开无效。";
    OpenOutside => "Open outside WeChat", "在微信外打开";
    MiniLinks => "Its links", "它的链接";
    RecentNote => "Recently used first. The order is saved with your chats.", "最近使用的排在前面。顺序与聊天记录一起保存。";
    LinkScheme => "URL Scheme (encrypted)", "URL Scheme（加密）";
    LinkPlain => "URL Scheme (plaintext)", "URL Scheme（明文）";
    LinkTrial => "URL Scheme (trial version)", "URL Scheme（体验版）";
    LinkShort => "Short Link", "Short Link（短链）";
    LinkUrl => "URL Link (created on the simulated day)", "URL Link（模拟当天生成）";
    Copy => "Copy", "复制";
    TestInOpener => "Test in the link opener", "在链接打开器中测试";
    BatchTitle => "Batch check", "批量检查";
    BatchLinks => "Links, one per line", "链接（每行一个）";
    Check => "Check", "检查";
    DownloadCsv => "Download CSV", "下载 CSV";
    LinksChecked => "links checked on", "条链接，检查日期";
    NewPost => "New post", "发表动态";
    PostText => "Post text", "这一刻的想法";
    Visibility => "Visibility", "谁可以看";
    VisPublic => "Public", "公开";
    VisPrivate => "Private", "私密";
    VisInclude => "Share with…", "部分可见";
    VisExclude => "Don't share with…", "不给谁看";
    PickAudience => "Contacts and tags", "联系人和标签";
    Pictures => "Pictures", "图片";
    SyncToQq => "Sync to QQ", "同步到 QQ";
    SyncToFacebook => "Sync to Facebook", "同步到脸书";
    SyncToTwitter => "Sync to Twitter", "同步到推特";
    SyncAvailable => "Available", "可用";
    SyncNeedsVpn => "Needs a VPN", "需要 VPN";
    SyncUnavailable => "Unavailable", "不可用";
    Publish => "Publish", "发表";
    DraftEmpty => "Write something, add a link or pick a picture first.", "请先输入文字、链接或选择图片。";
    DraftTooLong => "A post can have at most 10,000 characters. Characters now:", "动态最多 10,000 字。当前字数：";
    DraftNoAudience => "Pick at least one contact or tag.", "请至少选择一个联系人或标签。";
    DraftRefused => "Not posted:", "未发表：";
    DraftBadLink => "Not posted: this is neither a web address nor a mini-program link:", "未发表：这既不是网址，也不是小程序链接：";
    ViewAs => "View as", "查看身份";
    ViewingAs => "Viewing as", "当前查看身份";
    NothingHidden => "nothing hidden", "没有隐藏的动态";
    HiddenCount => "hidden", "条被隐藏";
    HiddenWindow => "older than the poster lets others see", "条早于发布者允许他人查看的时间";
    HiddenPrivate => "private", "条私密";
    HiddenPenalised => "shown to the poster only, by WeChat's link rules", "条因微信的链接规则仅发布者自己可见";
    HiddenNotShared => "not shared with this viewer", "条未对该用户公开";
    HiddenNotFriend => "from people who are not their friends", "条来自不是其好友的人";
    FullText => "Full text", "全文";
    Collapse => "Collapse", "收起";
    Like => "Like", "赞";
    Unlike => "Unlike", "取消赞";
    Comment => "Comment", "评论";
    CommentText => "Comment text", "评论内容";
    Reply => "Reply", "回复";
    ReplyTo => "replied to", "回复";
    SyncedTo => "Synced to", "已同步到";
    OnlyYou => "Only you see this post: your friends don't. Why:", "这条动态只有你自己能看到，好友看不到。原因：";
    ShowMore => "Show more", "显示更多";
    JustNow => "Just now", "刚刚";
    MinuteAgo => "minute ago", "分钟前";
    MinutesAgo => "minutes ago", "分钟前";
    HourAgo => "hour ago", "小时前";
    HoursAgo => "hours ago", "小时前";
    DaysAgo => "days ago", "天前";
    MomentsWindow => "Friends can see my Moments of", "允许朋友查看朋友圈的范围";
    WindowAll => "All", "全部";
    WindowSixMonths => "The last six months", "最近半年";
    WindowThreeDays => "The last three days", "最近三天";
    LinkedAccounts => "Linked accounts", "绑定的帐号";
    LinkAccount => "Link", "绑定";
    UnlinkAccount => "Unlink", "解除绑定";
    LinkedAccount => "Linked", "已绑定";
    CannotLink => "Could not link:", "无法绑定：";
    NameQq => "QQ", "QQ";
    NameFacebook => "Facebook", "脸书";
    NameTwitter => "Twitter", "推特";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        assert_eq!(EN.len(), ZH.len());
        for &k in ALL {
            // The packed tables cut exactly where each string ends.
            assert_eq!(k.tr(Lang::En), EN[k as usize], "{k:?} en");
            assert_eq!(k.tr(Lang::Zh), ZH[k as usize], "{k:?} zh");
            assert!(!k.tr(Lang::En).trim().is_empty(), "{k:?} en");
            assert!(!k.tr(Lang::Zh).trim().is_empty(), "{k:?} zh");
        }
    }

    #[test]
    fn tab_names_follow_the_contract() {
        let en: Vec<_> = [T::Chats, T::Contacts, T::Discover, T::Me]
            .iter()
            .map(|k| k.tr(Lang::En))
            .collect();
        assert_eq!(en, ["Chats", "Contacts", "Discover", "Me"]);
        let zh: Vec<_> = [T::Chats, T::Contacts, T::Discover, T::Me]
            .iter()
            .map(|k| k.tr(Lang::Zh))
            .collect();
        assert_eq!(zh, ["微信", "通讯录", "发现", "我"]);
    }

    #[test]
    fn lang_parsing() {
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::Zh.html_tag(), "zh-CN");
    }
}
