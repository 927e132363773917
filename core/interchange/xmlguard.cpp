#include "xmlguard.h"

#include "store/store.h"

#include <QCoreApplication>

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

bool GuardedXml::next()
{
    while (!m_r.atEnd()) {
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
