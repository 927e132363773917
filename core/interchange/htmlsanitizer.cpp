#include "htmlsanitizer.h"

#include <QRegularExpression>
#include <QSet>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <mutex>
#include <optional>

namespace chronomap {

namespace {

// The parser's globals must be set up once, before any thread uses it (exports run off the
// GUI thread).
void initParserOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

QString nameOf(const xmlNode* node)
{
    return node->name ? QString::fromUtf8(reinterpret_cast<const char*>(node->name)).toLower()
                      : QString();
}

const QSet<QString>& keptTags()
{
    static const QSet<QString> tags{
        QStringLiteral("p"),   QStringLiteral("br"), QStringLiteral("i"),
        QStringLiteral("em"),  QStringLiteral("b"),  QStringLiteral("strong"),
        QStringLiteral("u"),   QStringLiteral("s"),  QStringLiteral("sub"),
        QStringLiteral("sup"), QStringLiteral("a"),  QStringLiteral("ul"),
        QStringLiteral("ol"),  QStringLiteral("li"), QStringLiteral("blockquote")};
    return tags;
}

// Tags whose content is not text a reader should see: code, styling, embedded documents,
// form controls. They go with everything inside them. (<embed> is not here: it is void in a
// browser, and libxml2 hangs the text after it inside it.)
const QSet<QString>& droppedWithContent()
{
    static const QSet<QString> tags{
        QStringLiteral("script"),   QStringLiteral("style"),     QStringLiteral("head"),
        QStringLiteral("title"),    QStringLiteral("iframe"),    QStringLiteral("frame"),
        QStringLiteral("frameset"), QStringLiteral("object"),    QStringLiteral("applet"),
        QStringLiteral("svg"),      QStringLiteral("math"),      QStringLiteral("template"),
        QStringLiteral("noscript"), QStringLiteral("noembed"),   QStringLiteral("noframes"),
        QStringLiteral("textarea"), QStringLiteral("select"),    QStringLiteral("option"),
        QStringLiteral("xmp"),      QStringLiteral("plaintext"), QStringLiteral("canvas"),
        QStringLiteral("audio"),    QStringLiteral("video"),     QStringLiteral("map"),
        QStringLiteral("button"),   QStringLiteral("datalist"),  QStringLiteral("listing")};
    return tags;
}

QString attributeText(const QString& value)
{
    QString out = value.toHtmlEscaped(); // & < > and "
    out.replace(u'\'', QLatin1String("&#39;"));
    return out;
}

QString attributeValue(const xmlNode* element, const xmlAttr* attr)
{
    xmlChar* raw = xmlNodeListGetString(element->doc, attr->children, 1);
    const QString value = QString::fromUtf8(reinterpret_cast<const char*>(raw));
    xmlFree(raw);
    return value;
}

// Nesting beyond this is flattened to its text: nobody formats that deep, and the walk stays
// within a small stack.
constexpr int kMaxDepth = 64;

void writeNodes(const xmlNode* node, QString& out, int depth);

void writeElement(const xmlNode* node, QString& out, int depth)
{
    const QString name = nameOf(node);
    if (droppedWithContent().contains(name))
        return;
    const bool kept = depth < kMaxDepth && keptTags().contains(name);
    if (!kept) {
        writeNodes(node->children, out, depth + 1);
        return;
    }
    out += u'<' + name;
    if (name == QLatin1String("a")) {
        for (const xmlAttr* a = node->properties; a; a = a->next) {
            const QString attr =
                a->name ? QString::fromUtf8(reinterpret_cast<const char*>(a->name)).toLower()
                        : QString();
            QString value = attributeValue(node, a);
            if (attr == QLatin1String("href"))
                value = sanitizeWebUrl(value);
            else if (attr != QLatin1String("title"))
                continue;
            if (attr == QLatin1String("href") && value.isEmpty())
                continue;
            out += QStringLiteral(" %1=\"%2\"").arg(attr, attributeText(value));
        }
    }
    out += u'>';
    if (name == QLatin1String("br"))
        return; // a void element: no content, no end tag
    writeNodes(node->children, out, depth + 1);
    out += QStringLiteral("</%1>").arg(name);
}

void writeNodes(const xmlNode* node, QString& out, int depth)
{
    for (; node; node = node->next) {
        switch (node->type) {
        case XML_TEXT_NODE:
            out += webText(QString::fromUtf8(reinterpret_cast<const char*>(node->content)));
            break;
        case XML_ELEMENT_NODE:
            writeElement(node, out, depth);
            break;
        default: // comments, CDATA, processing instructions, doctype: nothing a reader sees
            break;
        }
    }
}

// Text as timelineJsHtml writes it (the common case): no tag but <br>. It holds no markup, so
// it is written again without a parser, which is many times faster: well-formed character
// references are kept (in a browser they give text, never a tag), any other & and every >
// escaped. nullopt when there is any other tag: then the parser decides.
std::optional<QString> textWithBreaks(const QString& html)
{
    QString out;
    out.reserve(html.size() + 16);
    const qsizetype n = html.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = html.at(i);
        if (c == u'<') {
            if (QStringView(html).mid(i, 4) != QLatin1String("<br>"))
                return std::nullopt;
            out += QLatin1String("<br>");
            i += 4;
        } else if (c == u'>') {
            out += QLatin1String("&gt;");
            ++i;
        } else if (c == u'&') {
            qsizetype j = i + 1;
            if (j < n && html.at(j) == u'#') {
                ++j;
                if (j < n && (html.at(j) == u'x' || html.at(j) == u'X'))
                    ++j;
            }
            const qsizetype name = j;
            while (j < n && j - i < 32 && html.at(j).unicode() < 128 &&
                   html.at(j).isLetterOrNumber())
                ++j;
            if (j > name && j < n && html.at(j) == u';') {
                out += QStringView(html).mid(i, j + 1 - i);
                i = j + 1;
            } else {
                out += QLatin1String("&amp;");
                ++i;
            }
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

struct DocFree
{
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

} // namespace

QString webText(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'&')
            out += QLatin1String("&amp;");
        else if (c == u'<')
            out += QLatin1String("&lt;");
        else if (c == u'>')
            out += QLatin1String("&gt;");
        else
            out += c;
    }
    return out;
}

QString sanitizeWebHtml(const QString& html)
{
    if (const auto text = textWithBreaks(html))
        return *text;
    initParserOnce();
    const QByteArray utf8 = html.toUtf8();
    // NONET: never fetch; NOIMPLIED: no <html>/<body> invented around a fragment. Errors are
    // recovered as a browser would, silently.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT;
    // The fragment goes inside a <div> of ours: libxml2 drops text that opens a document
    // without an element around it.
    const QByteArray wrapped = "<div>" + utf8 + "</div>";
    std::unique_ptr<xmlDoc, DocFree> doc(
        htmlReadMemory(wrapped.constData(), int(wrapped.size()), nullptr, "UTF-8", options));
    if (!doc)
        return webText(html);
    QString out;
    writeNodes(doc->children, out, 0);
    return out;
}

QString sanitizeWebUrl(const QString& url)
{
    // As a browser reads a URL: tabs and new lines anywhere are ignored, and leading and
    // trailing spaces and controls are trimmed.
    QString u;
    u.reserve(url.size());
    for (const QChar c : url)
        if (c != u'\t' && c != u'\n' && c != u'\r')
            u += c;
    qsizetype from = 0, to = u.size();
    while (from < to && u.at(from).unicode() <= 0x20)
        ++from;
    while (to > from && u.at(to - 1).unicode() <= 0x20)
        --to;
    u = u.mid(from, to - from);
    QString out;
    out.reserve(u.size());
    for (const QChar c : u) {
        const char16_t ch = c.unicode();
        if (ch == u' ') {
            out += QLatin1String("%20");
            continue;
        }
        if (ch < 0x20 || ch == 0x7f || ch == u'<' || ch == u'>' || ch == u'"' || ch == u'\'' ||
            ch == u'`' || c.isSpace())
            return {};
        out += c;
    }
    // The scheme, if any, is what comes before a colon that precedes any / ? or #.
    qsizetype end = out.size();
    for (const QChar stop : {u'/', u'?', u'#', u'\\'}) {
        const qsizetype at = out.indexOf(stop);
        if (at >= 0 && at < end)
            end = at;
    }
    const QStringView head = QStringView(out).left(end);
    const qsizetype colon = head.indexOf(u':');
    if (colon < 0) {
        // A relative URL. A reference before the first slash could spell a scheme once an
        // HTML page decodes it ("javascript&colon;..."), so none is allowed there.
        return head.contains(u'&') ? QString() : out;
    }
    static const QRegularExpression schemeRe(QStringLiteral("^[A-Za-z][A-Za-z0-9+.\\-]*$"));
    const QString scheme = head.left(colon).toString();
    if (!schemeRe.match(scheme).hasMatch())
        return {};
    const QString lower = scheme.toLower();
    if (lower != QLatin1String("http") && lower != QLatin1String("https") &&
        lower != QLatin1String("mailto"))
        return {};
    return out;
}

bool isSafeCssColor(const QString& color)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:#[0-9A-Fa-f]{3,8}|[A-Za-z]{1,32}|(?:rgba?|hsla?)\\([0-9.,%/ "
                       "a-z]{0,64}\\))$"));
    if (!re.match(color.trimmed()).hasMatch())
        return false;
    // Only digits, units and separators inside the brackets: no url(), no expression().
    return !color.contains(QLatin1String("url"), Qt::CaseInsensitive) &&
           !color.contains(QLatin1String("expression"), Qt::CaseInsensitive);
}

} // namespace chronomap
