//! [`Markup`]: HTML that can only be built through an escaping builder.
//!
//! Tag and attribute names are `&'static str`, so they are written in the
//! code and never come from data; every text and attribute value goes
//! through [`escape`]. Nothing else can make a `Markup`, so text from a
//! rules file, a message or a post can never become markup.

/// HTML built by the methods below, escaped throughout. The one adapter
/// (`ui::components::markup`) hands it to Yew.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup(String);

/// An element's attributes, in the order written: names from the code,
/// values escaped.
pub type Attrs<'a> = &'a [(&'static str, &'a str)];

impl Markup {
    /// Empty markup.
    pub fn new() -> Markup {
        Markup::default()
    }

    /// Empty markup with room for `bytes` (a table of a thousand rows grows
    /// once instead of a dozen times).
    pub fn with_capacity(bytes: usize) -> Markup {
        Markup(String::with_capacity(bytes))
    }

    /// Appends `text`, escaped.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape(&mut self.0, text);
        self
    }

    /// Appends `<tag attrs>`, what `body` appends, and `</tag>`.
    pub fn el(
        &mut self,
        tag: &'static str,
        attrs: Attrs,
        body: impl FnOnce(&mut Markup),
    ) -> &mut Markup {
        self.start(tag, attrs);
        body(self);
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Appends `<tag attrs>text</tag>`, the text escaped: the common case
    /// of [`Markup::el`].
    pub fn leaf(&mut self, tag: &'static str, attrs: Attrs, text: &str) -> &mut Markup {
        self.el(tag, attrs, |m| {
            m.text(text);
        })
    }

    /// Appends an element without content or end tag (`<br>`).
    pub fn void(&mut self, tag: &'static str, attrs: Attrs) -> &mut Markup {
        self.start(tag, attrs);
        self
    }

    /// Whether nothing has been appended.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The markup, to read or compare.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The markup, for the adapter that hands it to Yew.
    pub fn into_string(self) -> String {
        self.0
    }

    /// `<tag name="value" …>`.
    fn start(&mut self, tag: &'static str, attrs: Attrs) {
        let out = &mut self.0;
        out.push('<');
        out.push_str(tag);
        for (name, value) in attrs {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            escape(out, value);
            out.push('"');
        }
        out.push('>');
    }
}

/// Appends `s` with the five HTML-significant characters escaped, so that
/// it is text in an element and in a quoted attribute value alike.
fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "<img src=x onerror=alert(1)>\"'&";

    #[test]
    fn text_and_values_are_escaped() {
        let mut m = Markup::new();
        m.text("a'b\"c<d>e&f");
        assert_eq!(m.as_str(), "a&#39;b&quot;c&lt;d&gt;e&amp;f");
        let mut m = Markup::new();
        m.el("p", &[("class", "flag"), ("title", HOSTILE)], |m| {
            m.text(HOSTILE).void("br", &[]).leaf("code", &[], HOSTILE);
        });
        assert_eq!(
            m.as_str(),
            "<p class=\"flag\" title=\"&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;\">\
             &lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;<br>\
             <code>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</code></p>"
        );
        assert!(!m.into_string().contains("<img"));
    }

    #[test]
    fn elements_nest_in_order() {
        let mut m = Markup::with_capacity(64);
        assert!(m.is_empty());
        m.el("ul", &[], |m| {
            for i in ["1", "2"] {
                m.leaf("li", &[("data-i", i)], i);
            }
        })
        .text(" · ");
        assert_eq!(
            m.as_str(),
            "<ul><li data-i=\"1\">1</li><li data-i=\"2\">2</li></ul> · "
        );
    }
}
