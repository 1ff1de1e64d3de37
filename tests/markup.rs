//! Read-only markup built as a string: every text and attribute value is escaped.

use client_fit::components::markup::Markup;

#[test]
fn text_and_attribute_values_cannot_become_markup() {
    let mut h = Markup::new();
    h.open(
        "li",
        &[
            ("data-flag", "x\" onclick=\"alert(1)"),
            ("title", "it's <b>"),
        ],
    )
    .text("<script>alert('&')</script>")
    .leaf("strong", &[], "a > b")
    .close("li");
    assert_eq!(
        h.as_str(),
        "<li data-flag=\"x&quot; onclick=&quot;alert(1)\" title=\"it&#39;s &lt;b&gt;\">\
         &lt;script&gt;alert(&#39;&amp;&#39;)&lt;/script&gt;<strong>a &gt; b</strong></li>"
    );
}

#[test]
fn unicode_text_passes_through_unchanged() {
    let mut h = Markup::new();
    h.leaf("p", &[("lang", "ru")], "Клиент — «партнёр» ✓");
    assert_eq!(h.as_str(), "<p lang=\"ru\">Клиент — «партнёр» ✓</p>");
}
