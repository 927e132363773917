#include "graphcommon.h"
#include "graphformats.h"
#include "xmlguard.h"

#include "store/store.h"

#include <QXmlStreamWriter>

#include <cmath>

namespace chronomap {

namespace {

const QString kGraphMlNs = QStringLiteral("http://graphml.graphdrawing.org/xmlns");

struct KeyDecl
{
    const char* forWhat;
    const char* name;
    const char* type;
};
constexpr KeyDecl kKeys[] = {
    {"node", "label", "string"},  {"node", "kind", "string"},
    {"node", "role", "string"},   {"node", "description", "string"},
    {"node", "color", "string"},  {"node", "r", "int"},
    {"node", "g", "int"},         {"node", "b", "int"},
    {"node", "x", "double"},      {"node", "y", "double"},
    {"node", "size", "double"},   {"edge", "label", "string"},
    {"edge", "type", "string"},   {"edge", "weight", "double"},
    {"edge", "status", "string"}, {"edge", "description", "string"},
    {"edge", "date", "string"},   {"edge", "start", "string"},
    {"edge", "end", "string"},
};

// The key id we write: the name, prefixed for edges ("e_label") where both use one name.
QString keyId(const KeyDecl& k)
{
    return (qstrcmp(k.forWhat, "edge") == 0 ? QStringLiteral("e_") : QString()) +
           QLatin1String(k.name);
}

class GraphMlReader
{
public:
    GraphMlReader(const QByteArray& bytes, const QString& fileName) : m_x(bytes, fileName) {}

    ImportBatch read()
    {
        if (!m_x.next() || !m_x.isStart() || m_x.name() != QLatin1String("graphml"))
            m_x.fail(QStringLiteral("expected a <graphml> document (is this a GraphML file?)"));
        while (m_x.next()) {
            if (!m_x.isStart())
                continue;
            const QStringView n = m_x.name();
            if (n == QLatin1String("key")) {
                Key k;
                k.name = m_x.attribute("attr.name");
                if (k.name.isEmpty())
                    k.name = m_x.attribute("id");
                k.type = m_x.attribute("attr.type");
                m_keys.insert(m_x.attribute("id"), k);
            } else if (n == QLatin1String("graph")) {
                m_defaultDirected = m_x.attribute("edgedefault") != QLatin1String("undirected");
            } else if (n == QLatin1String("node")) {
                readNode();
            } else if (n == QLatin1String("edge")) {
                readEdge();
            }
        }
        return std::move(m_g.batch());
    }

private:
    struct Key
    {
        QString name, type;
    };

    // The <data> children of the current element, by key name, checked against their type.
    QHash<QString, QString> data()
    {
        QHash<QString, QString> out;
        const int depth = m_x.depth();
        while (m_x.next() && m_x.depth() >= depth) {
            if (!m_x.isStart() || m_x.name() != QLatin1String("data"))
                continue;
            const QString keyRef = m_x.attribute("key");
            if (!m_keys.contains(keyRef))
                m_x.fail(QStringLiteral("expected the key of a <data> to be declared by a <key>, "
                                        "found \"%1\"")
                             .arg(keyRef));
            const Key k = m_keys.value(keyRef);
            const QString value = m_x.elementText();
            if (k.type == QLatin1String("int") || k.type == QLatin1String("long") ||
                k.type == QLatin1String("double") || k.type == QLatin1String("float")) {
                bool ok = false;
                const double d = value.trimmed().toDouble(&ok);
                if (!ok || !std::isfinite(d))
                    m_x.fail(QStringLiteral("expected a number for \"%1\", found \"%2\"")
                                 .arg(k.name, value));
            }
            out.insert(k.name, value);
        }
        return out;
    }

    void readNode()
    {
        const QString id = m_x.attribute("id");
        if (id.isEmpty())
            m_x.fail(QStringLiteral("expected an id on <node>"));
        QHash<QString, QString> d = data();
        Actor a;
        a.name = d.take(QStringLiteral("label")).trimmed();
        if (a.name.isEmpty())
            a.name = d.take(QStringLiteral("name")).trimmed();
        if (a.name.isEmpty())
            a.name = id;
        if (const QString kind = d.take(QStringLiteral("kind")).toLower(); actorKindFromName(kind))
            a.kind = *actorKindFromName(kind);
        a.role = d.take(QStringLiteral("role"));
        a.description = d.take(QStringLiteral("description"));
        const QString color = d.take(QStringLiteral("color"));
        const QString r = d.take(QStringLiteral("r")), g = d.take(QStringLiteral("g")),
                      b = d.take(QStringLiteral("b"));
        if (!color.isEmpty()) {
            a.color = QColor::fromString(color);
            if (!a.color.isValid())
                m_x.fail(
                    QStringLiteral("node \"%1\": expected a colour such as #0072b2, found \"%2\"")
                        .arg(id, color));
        } else if (!r.isEmpty() && !g.isEmpty() && !b.isEmpty()) {
            a.color = QColor(std::clamp(r.toInt(), 0, 255), std::clamp(g.toInt(), 0, 255),
                             std::clamp(b.toInt(), 0, 255));
        }
        const QString x = d.take(QStringLiteral("x")), y = d.take(QStringLiteral("y"));
        if (!x.isEmpty() && !y.isEmpty()) {
            a.pinnedX = x.toDouble();
            a.pinnedY = y.toDouble();
        }
        d.remove(QStringLiteral("size")); // drawn from the relations; not a story field
        QStringList rest = d.keys();
        rest.sort();
        for (const QString& k : rest)
            appendExtra(a.description, k, d.value(k));
        if (!m_g.addNode(id, a))
            m_x.fail(QStringLiteral("the node id \"%1\" is used twice").arg(id));
    }

    void readEdge()
    {
        const QString id = m_x.attribute("id");
        Relation r;
        for (const char* end : {"source", "target"}) {
            const QString node = m_x.attribute(end);
            if (!m_g.hasNode(node))
                m_x.fail(QStringLiteral("edge \"%1\": expected the %2 to be the id of a node "
                                        "declared before, found \"%3\"")
                             .arg(id, QLatin1String(end), node));
            (qstrcmp(end, "source") == 0 ? r.sourceId : r.targetId) = m_g.node(node);
        }
        const QString directed = m_x.attribute("directed");
        r.directed = directed.isEmpty() ? m_defaultDirected : directed == QLatin1String("true");
        QHash<QString, QString> d = data();
        r.type = d.take(QStringLiteral("type"));
        const QString label = d.take(QStringLiteral("label"));
        if (r.type.isEmpty())
            r.type = label;
        if (const QString w = d.take(QStringLiteral("weight")); !w.isEmpty())
            r.weight = w.toDouble();
        if (const QString s = d.take(QStringLiteral("status")); verificationFromName(s))
            r.status = *verificationFromName(s);
        r.description = d.take(QStringLiteral("description"));
        const QString edtf = d.take(QStringLiteral("date"));
        const QString start = d.take(QStringLiteral("start")), end = d.take(QStringLiteral("end"));
        QString why;
        if (!edtf.isEmpty()) {
            r.valid = PartialDate::fromEdtf(edtf, &why);
            if (!r.valid.isValid())
                m_x.fail(QStringLiteral("edge \"%1\": expected an EDTF date in \"date\": %2")
                             .arg(id, why));
        } else {
            r.valid = dateFromSpell(start, end, why);
            if (!why.isEmpty())
                m_x.fail(QStringLiteral("edge \"%1\": expected ISO dates in start and end: %2")
                             .arg(id, why));
        }
        QStringList rest = d.keys();
        rest.sort();
        for (const QString& k : rest)
            appendExtra(r.description, k, d.value(k));
        m_g.addRelation(r);
    }

    GuardedXml m_x;
    GraphBuilder m_g;
    QHash<QString, Key> m_keys;
    bool m_defaultDirected = true;
};

void dataElement(QXmlStreamWriter& w, const QString& key, const QString& value)
{
    if (value.isEmpty())
        return;
    w.writeStartElement(QStringLiteral("data"));
    w.writeAttribute(QStringLiteral("key"), key);
    w.writeCharacters(value);
    w.writeEndElement();
}

QString number(double d)
{
    return QString::number(d, 'g', 17);
}

} // namespace

ImportBatch readGraphMl(const QByteArray& xml, const QString& fileName)
{
    return GraphMlReader(xml, fileName).read();
}

QByteArray writeGraphMl(const Store& store)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeDefaultNamespace(kGraphMlNs);
    w.writeStartElement(kGraphMlNs, QStringLiteral("graphml"));
    for (const KeyDecl& k : kKeys) {
        w.writeEmptyElement(QStringLiteral("key"));
        w.writeAttribute(QStringLiteral("id"), keyId(k));
        w.writeAttribute(QStringLiteral("for"), QLatin1String(k.forWhat));
        w.writeAttribute(QStringLiteral("attr.name"), QLatin1String(k.name));
        w.writeAttribute(QStringLiteral("attr.type"), QLatin1String(k.type));
    }
    QHash<Id, int> degree;
    const QList<Relation> relations = store.relations();
    for (const Relation& r : relations) {
        ++degree[r.sourceId];
        ++degree[r.targetId];
    }
    w.writeStartElement(QStringLiteral("graph"));
    w.writeAttribute(QStringLiteral("id"), QStringLiteral("chronomap"));
    w.writeAttribute(QStringLiteral("edgedefault"), QStringLiteral("directed"));
    for (const Actor& a : store.actors()) {
        w.writeStartElement(QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("id"), nodeIdOf(a.id));
        dataElement(w, QStringLiteral("label"), a.name);
        dataElement(w, QStringLiteral("kind"), actorKindName(a.kind));
        dataElement(w, QStringLiteral("role"), a.role);
        dataElement(w, QStringLiteral("description"), a.description);
        if (a.color.isValid()) {
            dataElement(w, QStringLiteral("color"),
                        a.color.name(a.color.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb));
            dataElement(w, QStringLiteral("r"), QString::number(a.color.red()));
            dataElement(w, QStringLiteral("g"), QString::number(a.color.green()));
            dataElement(w, QStringLiteral("b"), QString::number(a.color.blue()));
        }
        if (a.pinnedX && a.pinnedY) {
            dataElement(w, QStringLiteral("x"), number(*a.pinnedX));
            dataElement(w, QStringLiteral("y"), number(*a.pinnedY));
        }
        dataElement(w, QStringLiteral("size"), number(10.0 + 2.0 * degree.value(a.id)));
        w.writeEndElement();
    }
    for (const Relation& r : relations) {
        w.writeStartElement(QStringLiteral("edge"));
        w.writeAttribute(QStringLiteral("id"), edgeIdOf(r.id));
        w.writeAttribute(QStringLiteral("source"), nodeIdOf(r.sourceId));
        w.writeAttribute(QStringLiteral("target"), nodeIdOf(r.targetId));
        if (!r.directed)
            w.writeAttribute(QStringLiteral("directed"), QStringLiteral("false"));
        dataElement(w, QStringLiteral("e_label"), r.type);
        dataElement(w, QStringLiteral("e_type"), r.type);
        dataElement(w, QStringLiteral("e_weight"), number(r.weight));
        dataElement(w, QStringLiteral("e_status"), verificationName(r.status));
        dataElement(w, QStringLiteral("e_description"), r.description);
        if (r.valid.isValid()) {
            dataElement(w, QStringLiteral("e_date"), r.valid.edtf());
            dataElement(w, QStringLiteral("e_start"), spellStart(r.valid));
            dataElement(w, QStringLiteral("e_end"), spellEnd(r.valid));
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace chronomap
