#pragma once

// A second opinion for the tests of what leaves for the web: finds anything live (a tag,
// attribute or URL scheme outside the allow-list of core/interchange/htmlsanitizer.h) in
// HTML or in a URL field. It parses with libxml2's HTML parser, as the sanitiser does, and also
// scans the raw text for tags, so that a parser quirk on one side is caught by the other.

#include <QRegularExpression>
#include <QSet>
#include <QString>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace chronomap::test {

// Why `url` could run or load something (empty when it is http, https, mailto or relative).
inline QString liveUrl(const QString& url)
{
    QString u;
    for (const QChar c : url)
        if (c.unicode() > 0x20 && c.unicode() != 0x7f)
            u += c.toLower();
    for (const QChar bad : {u'<', u'>', u'"', u'\'', u'`'})
        if (u.contains(bad))
            return QStringLiteral("a URL with %1: %2").arg(bad).arg(url);
    static const QStringList schemes{QStringLiteral("javascript"), QStringLiteral("vbscript"),
                                     QStringLiteral("data"),       QStringLiteral("file"),
                                     QStringLiteral("blob"),       QStringLiteral("java")};
    for (const QString& s : schemes)
        if (u.startsWith(s))
            return QStringLiteral("a URL starting %1: %2").arg(s, url);
    static const QRegularExpression head(QStringLiteral("^([^/?#]*?)(:|&colon;|&#)"));
    const auto m = head.match(u);
    if (m.hasMatch()) {
        const QString scheme = m.captured(1);
        if (m.captured(2) != QLatin1String(":") ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
             scheme != QLatin1String("mailto")))
            return QStringLiteral("a URL with the scheme %1: %2").arg(scheme, url);
    }
    return {};
}

namespace detail {

inline const QSet<QString>& allowedTags()
{
    static const QSet<QString> tags{
        QStringLiteral("p"),   QStringLiteral("br"), QStringLiteral("i"),
        QStringLiteral("em"),  QStringLiteral("b"),  QStringLiteral("strong"),
        QStringLiteral("u"),   QStringLiteral("s"),  QStringLiteral("sub"),
        QStringLiteral("sup"), QStringLiteral("a"),  QStringLiteral("ul"),
        QStringLiteral("ol"),  QStringLiteral("li"), QStringLiteral("blockquote")};
    return tags;
}

inline QString liveNodes(const xmlNode* node, bool top)
{
    for (; node; node = node->next) {
        if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE ||
            node->type == XML_CDATA_SECTION_NODE)
            return QStringLiteral("a comment, CDATA or instruction");
        if (node->type != XML_ELEMENT_NODE)
            continue;
        const QString name = QString::fromUtf8(reinterpret_cast<const char*>(node->name)).toLower();
        if (!(top && name == QLatin1String("div")) && !allowedTags().contains(name))
            return QStringLiteral("the tag <%1>").arg(name);
        for (const xmlAttr* a = node->properties; a; a = a->next) {
            const QString attr =
                QString::fromUtf8(reinterpret_cast<const char*>(a->name)).toLower();
            if (name != QLatin1String("a") ||
                (attr != QLatin1String("href") && attr != QLatin1String("title")))
                return QStringLiteral("the attribute %1 on <%2>").arg(attr, name);
            if (attr == QLatin1String("href")) {
                xmlChar* v = xmlNodeListGetString(node->doc, a->children, 1);
                const QString value = QString::fromUtf8(reinterpret_cast<const char*>(v));
                xmlFree(v);
                if (const QString why = liveUrl(value); !why.isEmpty())
                    return why;
            }
        }
        if (const QString why = liveNodes(node->children, false); !why.isEmpty())
            return why;
    }
    return {};
}

} // namespace detail

// Why `html` is not safe to publish; empty when it holds only allowed tags and attributes.
inline QString liveMarkup(const QString& html)
{
    // The raw text first: every "<name" must be an allowed tag, and no comment may open.
    static const QRegularExpression tag(QStringLiteral("<\\s*/?\\s*([A-Za-z!?][^\\s/>]*)"));
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QString name = it.next().captured(1).toLower();
        if (!detail::allowedTags().contains(name))
            return QStringLiteral("the raw tag <%1> in %2").arg(name, html);
    }
    const QByteArray wrapped = "<div>" + html.toUtf8() + "</div>";
    htmlDocPtr doc = htmlReadMemory(wrapped.constData(), int(wrapped.size()), nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
    if (!doc)
        return {};
    QString why = detail::liveNodes(doc->children, true);
    xmlFreeDoc(doc);
    return why.isEmpty() ? why : why + QStringLiteral(" in ") + html;
}

} // namespace chronomap::test
