#pragma once

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>

namespace chronomap {

// A streaming XML reader with the limits every XML import needs: size checked before
// parsing, no DTD with entity declarations (the "billion laughs" expansion), no external
// entities, bounded depth, element count, attributes per element and attribute length.
// Errors throw StoreError "file:line:column: what was expected". A read runs in time linear
// in the file's size and stops on the window's Cancel (see cancellation.h).
class GuardedXml
{
public:
    GuardedXml(const QByteArray& bytes, const QString& fileName);

    // The next start or end element (text, comments and processing instructions skipped);
    // false at the end of the document.
    bool next();
    QXmlStreamReader& reader() { return m_r; }
    bool isStart() const { return m_r.isStartElement(); }
    bool isEnd() const { return m_r.isEndElement(); }
    QStringView name() const { return m_r.name(); }
    QString attribute(const char* name) const;
    bool hasAttribute(const char* name) const;
    // The text of the current element (which must be a start element), then at its end.
    QString elementText();
    int depth() const { return m_depth; }

    [[noreturn]] void fail(const QString& what) const;
    // For checks made after the element was read: the position saved at its start
    // (reader().lineNumber(), reader().columnNumber()).
    [[noreturn]] void failAt(qint64 line, qint64 column, const QString& what) const;

    static constexpr qsizetype kMaxBytes = qsizetype(256) * 1024 * 1024;
    static constexpr int kMaxDepth = 64;
    static constexpr qint64 kMaxElements = 20'000'000;
    static constexpr qsizetype kMaxText = 1024 * 1024;
    static constexpr int kMaxAttributes = 1000;
    // Attributes (GEXF) or keys (GraphML) a file declares for its nodes and edges.
    static constexpr int kMaxDeclared = 1000;
    static constexpr qint64 kMaxDefaultBytes = qint64(256) * 1024 * 1024;

    // Declared default values are copied into every node and edge that gives none: a small
    // file with many defaults and many nodes would expand into gigabytes. Each copy is charged
    // here; past kMaxDefaultBytes in all the file is refused.
    void chargeDefault(qsizetype bytes);

    // The offset of the first start tag with more than `most` attributes, or -1; counted on
    // the raw bytes in one pass (comments, CDATA, processing instructions and declarations
    // skipped), because QXmlStreamReader compares each attribute's name with all earlier ones
    // of its element: 300,000 attributes on one element take minutes.
    static qsizetype crowdedElement(const QByteArray& bytes, int most = kMaxAttributes);

private:
    QXmlStreamReader m_r;
    QString m_fileName;
    int m_depth = 0;
    qint64 m_elements = 0;
    qint64 m_tokens = 0;
    qint64 m_defaultBytes = 0;
};

} // namespace chronomap
