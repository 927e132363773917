#pragma once

#include <QString>

namespace chronomap {

// What Chronomap lets leave for a web page (the TimelineJS exports): story text may carry
// markup from an imported sheet, and a newsroom publishes the export as it is. So everything
// that a browser will read as HTML or follow as a URL goes through an allow-list here.
//
// The rule, decided once:
// - Tags kept: p, br, i, em, b, strong, u, s, sub, sup, a, ul, ol, li, blockquote. Any other
//   tag is dropped and its text kept (div, span, font, h1, table, ...), except those whose
//   content is code, styling or an embedded document, which go with their content (script,
//   style, iframe, object, embed, svg, math, template, noscript, textarea, title, head, ...).
// - Attributes kept: href and title on <a>, nothing else (no on*, style, class, id, src).
// - URLs (href, TimelineJS media, thumbnail, link and background): http, https and mailto, or
//   a relative URL (TimelineJS media are often paths next to the page). The scheme is judged
//   as a browser would: character references decoded, tabs and new lines removed, leading
//   spaces and controls trimmed, case ignored. A URL that holds < > " ' ` or white space is
//   refused too, so that TimelineJS cannot take it for an embed ("<iframe ...").
// - Comments, CDATA, processing instructions and doctype are dropped; text is re-escaped.
// The HTML is parsed by libxml2's HTML parser (as a browser would recover it), never by
// regular expressions, and re-serialised from the tree.

// HTML made safe to publish under the rule above. Text without markup comes back escaped.
QString sanitizeWebHtml(const QString& html);

// Plain text for a place a browser reads as HTML: & < > escaped, nothing else changed.
QString webText(const QString& text);

// The URL when the rule above allows it (tabs and new lines removed, spaces around trimmed),
// otherwise an empty string.
QString sanitizeWebUrl(const QString& url);

// True for a CSS colour TimelineJS may put in a style: #rgb, #rrggbb(aa), a colour name, or
// rgb()/rgba()/hsl()/hsla() with numbers.
bool isSafeCssColor(const QString& color);

} // namespace chronomap
