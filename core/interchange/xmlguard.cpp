#include "xmlguard.h"

#include "cancellation.h"
#include "jsonguard.h"

#include "store/store.h"

#include <QCoreApplication>

#include <cstring>

namespace chronomap {

GuardedXml::GuardedXml(const QByteArray& bytes, const QString& fileName) : m_fileName(fileName)
{
    if (bytes.size() > kMaxBytes)
        throw StoreError(
            QCoreApplication::translate("chronomap::GuardedXml",
                                        "%1: the file is larger than 256 MiB (%2 bytes), the most "
                                        "Chronomap reads as XML")
                .arg(fileName)
                .arg(bytes.size()));
    if (const qsizetype at = crowdedElement(bytes); at >= 0) {
        const auto [line, column] = lineColumnOf(bytes, at);
        throw StoreError(
            QStringLiteral("%1:%2:%3: %4")
                .arg(fileName)
                .arg(line)
                .arg(column)
                .arg(QCoreApplication::translate("chronomap::GuardedXml",
                                                 "an element with more than %1 attributes; "
                                                 "Chronomap refuses more")
                         .arg(kMaxAttributes)));
    }
    m_r.addData(bytes);
    // Entities are refused at the DTD already; this is a second fence.
    m_r.setEntityExpansionLimit(0);
}

void GuardedXml::fail(const QString& what) const
{
    throw StoreError(QStringLiteral("%1:%2:%3: %4")
                         .arg(m_fileName)
                         .arg(m_r.lineNumber())
                         .arg(m_r.columnNumber() + 1)
                         .arg(what));
}

void GuardedXml::failAt(qint64 line, qint64 column, const QString& what) const
{
    throw StoreError(
        QStringLiteral("%1:%2:%3: %4").arg(m_fileName).arg(line).arg(column + 1).arg(what));
}

qsizetype GuardedXml::crowdedElement(const QByteArray& bytes, int most)
{
    const char* p = bytes.constData();
    const qsizetype n = bytes.size();
    auto startsWith = [&](qsizetype i, const char* s) {
        const auto len = qsizetype(std::strlen(s));
        return i + len <= n && std::memcmp(p + i, s, std::size_t(len)) == 0;
    };
    // Past the next occurrence of `end` after i, or the end of the bytes.
    auto skipPast = [&](qsizetype i, const char* end) {
        const auto len = qsizetype(std::strlen(end));
        for (; i + len <= n; ++i) {
            const void* c = std::memchr(p + i, end[0], std::size_t(n - i));
            if (!c)
                return n;
            i = static_cast<const char*>(c) - p;
            if (startsWith(i, end))
                return i + len;
        }
        return n;
    };
    qsizetype i = 0;
    while (i < n) {
        const void* lt = std::memchr(p + i, '<', std::size_t(n - i));
        if (!lt)
            break;
        i = static_cast<const char*>(lt) - p;
        if (startsWith(i, "<!--")) {
            i = skipPast(i + 4, "-->");
        } else if (startsWith(i, "<![CDATA[")) {
            i = skipPast(i + 9, "]]>");
        } else if (startsWith(i, "<?")) {
            i = skipPast(i + 2, "?>");
        } else if (startsWith(i, "<!") || startsWith(i, "</")) {
            i += 2; // a declaration or an end tag: no attributes
        } else {
            // A start tag. '<' cannot appear inside an attribute value, so the tag ends at
            // the next '>' outside quotes and before the next '<': a stray quote cannot carry
            // the count past it.
            const qsizetype start = i;
            int count = 0;
            char quote = 0;
            for (++i; i < n && p[i] != '<'; ++i) {
                const char c = p[i];
                if (quote) {
                    if (c == quote)
                        quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '=') {
                    if (++count > most)
                        return start;
                } else if (c == '>') {
                    ++i;
                    break;
                }
            }
        }
    }
    return -1;
}

bool GuardedXml::next()
{
    while (!m_r.atEnd()) {
        if ((m_tokens++ & 4095) == 0)
            checkCancelled(m_fileName);
        const auto token = m_r.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
            // A graph file needs no DTD; one that declares entities is an expansion attack or
            // a file we would read differently from the tool that wrote it.
            if (!m_r.entityDeclarations().isEmpty() ||
                m_r.text().contains(QLatin1String("<!ENTITY"), Qt::CaseInsensitive))
                fail(QCoreApplication::translate(
                    "chronomap::GuardedXml",
                    "the file declares XML entities in a DTD; Chronomap refuses "
                    "them (they can expand without limit); remove the "
                    "<!DOCTYPE ...> block"));
            break;
        case QXmlStreamReader::EntityReference:
            fail(QCoreApplication::translate(
                     "chronomap::GuardedXml",
                     "an entity reference (&%1;) that is not one of XML's own; "
                     "Chronomap does not expand entities")
                     .arg(m_r.name()));
        case QXmlStreamReader::StartElement:
            if (++m_depth > kMaxDepth)
                fail(QCoreApplication::translate("chronomap::GuardedXml",
                                                 "elements nested deeper than %1 levels")
                         .arg(kMaxDepth));
            if (++m_elements > kMaxElements)
                fail(QCoreApplication::translate("chronomap::GuardedXml", "more than %1 elements")
                         .arg(kMaxElements));
            for (const QXmlStreamAttribute& a : m_r.attributes())
                if (a.value().size() > kMaxText)
                    fail(QCoreApplication::translate("chronomap::GuardedXml",
                                                     "an attribute longer than 1 MiB"));
            return true;
        case QXmlStreamReader::EndElement:
            --m_depth;
            return true;
        case QXmlStreamReader::Invalid:
            break;
        default:
            continue;
        }
        if (m_r.hasError())
            break;
    }
    if (m_r.hasError()) {
        QString why = m_r.errorString();
        if (m_r.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            why = QCoreApplication::translate(
                "chronomap::GuardedXml",
                "the file ends before the document is closed (is it cut short?)");
        fail(QCoreApplication::translate("chronomap::GuardedXml", "expected well-formed XML: %1")
                 .arg(why));
    }
    return false;
}

void GuardedXml::chargeDefault(qsizetype bytes)
{
    m_defaultBytes += bytes + 1;
    if (m_defaultBytes > kMaxDefaultBytes)
        fail(QCoreApplication::translate("chronomap::GuardedXml",
                                         "the declared default values, copied into every node "
                                         "and edge that gives none, come to more than %1 MiB; "
                                         "Chronomap refuses more")
                 .arg(kMaxDefaultBytes >> 20));
}

QString GuardedXml::attribute(const char* name) const
{
    return m_r.attributes().value(QLatin1String(name)).toString();
}

bool GuardedXml::hasAttribute(const char* name) const
{
    return m_r.attributes().hasAttribute(QLatin1String(name));
}

QString GuardedXml::elementText()
{
    const QString text = m_r.readElementText(QXmlStreamReader::SkipChildElements);
    if (m_r.hasError())
        fail(QCoreApplication::translate("chronomap::GuardedXml", "expected well-formed XML: %1")
                 .arg(m_r.errorString()));
    --m_depth; // readElementText consumed the end element
    if (text.size() > kMaxText)
        fail(QCoreApplication::translate("chronomap::GuardedXml", "a text longer than 1 MiB"));
    return text;
}

} // namespace chronomap
