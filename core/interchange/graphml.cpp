#include "graphcommon.h"
#include "graphformats.h"
#include "xmlguard.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <optional>

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

const QString kYedNs = QStringLiteral("http://www.yworks.com/xml/graphml");

// Reads GraphML as the tools write it: typed <key>s with their <default>s, <data> of nodes and
// edges, nested graphs (yEd's groups; their nodes are actors too), edges before or after their
// nodes, and yEd's drawing (y:NodeLabel, y:Fill, y:Geometry, y:EdgeLabel, y:Arrows), so a
// diagram drawn in yEd keeps its names, colours and places.
class GraphMlReader
{
public:
    GraphMlReader(const QByteArray& bytes, const QString& fileName) : m_x(bytes, fileName) {}

    ImportBatch read()
    {
        if (!m_x.next() || !m_x.isStart() || m_x.name() != QLatin1String("graphml"))
            m_x.fail(QCoreApplication::translate(
                "chronomap::GraphMlReader",
                "expected a <graphml> document (is this a GraphML file?)"));
        int keyDepth = -1;
        QString keyId;
        while (m_x.next()) {
            if (m_x.isEnd()) {
                if (!m_open.isEmpty() && m_x.depth() == m_open.last().depth - 1)
                    close();
                if (m_x.depth() < keyDepth)
                    keyDepth = -1; // the <key> is closed: a later <default> is not its
                continue;
            }
            if (!isGraphMl())
                continue;
            const QStringView n = m_x.name();
            if (n == QLatin1String("key")) {
                Key k;
                k.name = m_x.attribute("attr.name");
                if (k.name.isEmpty())
                    k.name = m_x.attribute("id");
                k.type = m_x.attribute("attr.type");
                k.forWhat = m_x.attribute("for");
                k.yfiles = m_x.attribute("yfiles.type");
                keyId = m_x.attribute("id");
                // Each node's and edge's data are completed from the declared keys.
                if (m_keys.size() >= GuardedXml::kMaxDeclared)
                    m_x.fail(QCoreApplication::translate("chronomap::GraphMlReader",
                                                         "more than %1 keys declared")
                                 .arg(GuardedXml::kMaxDeclared));
                m_keys.insert(keyId, k);
                keyDepth = m_x.depth();
            } else if (n == QLatin1String("default") && keyDepth >= 0 &&
                       m_x.depth() == keyDepth + 1) {
                Key& k = m_keys[keyId];
                k.byDefault = m_x.elementText();
                k.hasDefault = true;
            } else if (n == QLatin1String("graph")) {
                // Nested graphs say their own default; edges are read once all are known.
                m_defaultDirected = m_x.attribute("edgedefault") != QLatin1String("undirected");
            } else if (n == QLatin1String("node")) {
                openNode();
            } else if (n == QLatin1String("edge")) {
                openEdge();
            } else if (n == QLatin1String("data") && !m_open.isEmpty() &&
                       m_x.depth() == m_open.last().depth + 1) {
                readData(m_open.last());
            }
        }
        resolveEdges();
        return std::move(m_g.batch());
    }

private:
    struct Key
    {
        QString name, type, forWhat, yfiles, byDefault;
        bool hasDefault = false;
    };
    // A node or edge being read: its <data> by key name, and yEd's drawing of it.
    struct Open
    {
        bool edge = false;
        int depth = 0;
        QString id;
        QHash<QString, QString> data;
        QString label;                  // y:NodeLabel / y:EdgeLabel
        QColor fill;                    // y:Fill
        std::optional<double> x, y;     // centre of y:Geometry
        std::optional<bool> arrows;     // y:Arrows: false when neither end has one
        bool explicitDirection = false; // the edge's own directed="..."
        Relation relation;
        QString source, target;
        qint64 line = 0, column = 0;
    };
    struct PendingEdge
    {
        QString id, source, target;
        Relation relation;
        qint64 line = 0, column = 0;
    };

    bool isGraphMl()
    {
        const QStringView ns = m_x.reader().namespaceUri();
        return ns.isEmpty() || ns == kGraphMlNs;
    }

    void openNode()
    {
        const QString id = m_x.attribute("id");
        if (id.isEmpty())
            m_x.fail(QCoreApplication::translate("chronomap::GraphMlReader",
                                                 "expected an id on <node>"));
        // Added now, completed at </node>: a group comes before the nodes inside it.
        if (!m_g.addNode(id, Actor{}))
            m_x.fail(QCoreApplication::translate("chronomap::GraphMlReader",
                                                 "the node id \"%1\" is used twice")
                         .arg(id));
        Open o;
        o.depth = m_x.depth();
        o.id = id;
        m_open.append(o);
    }

    void openEdge()
    {
        Open o;
        o.edge = true;
        o.depth = m_x.depth();
        o.id = m_x.attribute("id");
        o.source = m_x.attribute("source");
        o.target = m_x.attribute("target");
        o.line = m_x.reader().lineNumber();
        o.column = m_x.reader().columnNumber();
        const QString directed = m_x.attribute("directed");
        o.explicitDirection = !directed.isEmpty();
        o.relation.directed =
            directed.isEmpty() ? m_defaultDirected : directed == QLatin1String("true");
        m_open.append(o);
    }

    // One <data> of the element being read, checked against its key's type.
    void readData(Open& o)
    {
        const QString keyRef = m_x.attribute("key");
        if (!m_keys.contains(keyRef))
            m_x.fail(QCoreApplication::translate(
                         "chronomap::GraphMlReader",
                         "expected the key of a <data> to be declared by a <key>, "
                         "found \"%1\"")
                         .arg(keyRef));
        const Key k = m_keys.value(keyRef);
        if (!k.yfiles.isEmpty()) {
            readYed(o);
            return;
        }
        const QString value = m_x.elementText();
        if (k.type == QLatin1String("int") || k.type == QLatin1String("long") ||
            k.type == QLatin1String("double") || k.type == QLatin1String("float")) {
            bool ok = false;
            const double d = value.trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(d))
                m_x.fail(QCoreApplication::translate("chronomap::GraphMlReader",
                                                     "expected a number for \"%1\", found \"%2\"")
                             .arg(k.name, value));
        }
        o.data.insert(k.name, value);
    }

    // yEd's drawing inside a <data>: the first label, fill and geometry (a group's open state
    // comes first in its realizers).
    void readYed(Open& o)
    {
        const int depth = m_x.depth();
        while (m_x.next() && m_x.depth() >= depth) {
            if (!m_x.isStart() || m_x.reader().namespaceUri() != kYedNs)
                continue;
            const QStringView n = m_x.name();
            if ((n == QLatin1String("NodeLabel") || n == QLatin1String("EdgeLabel")) &&
                o.label.isEmpty()) {
                o.label = m_x.elementText().trimmed();
            } else if (n == QLatin1String("Fill") && !o.fill.isValid()) {
                const QColor c = QColor::fromString(m_x.attribute("color"));
                if (c.isValid() && m_x.attribute("transparent") != QLatin1String("true"))
                    o.fill = c;
            } else if (n == QLatin1String("Geometry") && !o.x) {
                bool okX = false, okY = false, okW = false, okH = false;
                const double x = m_x.attribute("x").toDouble(&okX),
                             y = m_x.attribute("y").toDouble(&okY),
                             w = m_x.attribute("width").toDouble(&okW),
                             h = m_x.attribute("height").toDouble(&okH);
                if (okX && okY && std::isfinite(x) && std::isfinite(y)) {
                    o.x = x + (okW && std::isfinite(w) ? w / 2 : 0);
                    o.y = y + (okH && std::isfinite(h) ? h / 2 : 0);
                }
            } else if (n == QLatin1String("Arrows") && !o.arrows) {
                o.arrows = m_x.attribute("source") != QLatin1String("none") ||
                           m_x.attribute("target") != QLatin1String("none");
            }
        }
    }

    // The element's data with its keys' defaults for what it does not give.
    QHash<QString, QString> withDefaults(const Open& o)
    {
        QHash<QString, QString> d = o.data;
        const QString what = o.edge ? QStringLiteral("edge") : QStringLiteral("node");
        for (const Key& k : std::as_const(m_keys))
            if (k.hasDefault && (k.forWhat == what || k.forWhat == QLatin1String("all")) &&
                !d.contains(k.name)) {
                m_x.chargeDefault(k.name.size() + k.byDefault.size());
                d.insert(k.name, k.byDefault);
            }
        return d;
    }

    void close()
    {
        const Open o = m_open.takeLast();
        if (o.edge)
            closeEdge(o);
        else
            closeNode(o);
    }

    void closeNode(const Open& o)
    {
        QHash<QString, QString> d = withDefaults(o);
        Actor& a = m_g.actor(o.id);
        a.name = d.take(QStringLiteral("label")).trimmed();
        if (a.name.isEmpty())
            a.name = o.label;
        if (a.name.isEmpty())
            a.name = d.take(QStringLiteral("name")).trimmed();
        if (a.name.isEmpty())
            a.name = o.id;
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
                m_x.fail(QCoreApplication::translate(
                             "chronomap::GraphMlReader",
                             "node \"%1\": expected a colour such as #0072b2, found \"%2\"")
                             .arg(o.id, color));
        } else if (!r.isEmpty() && !g.isEmpty() && !b.isEmpty()) {
            a.color = QColor(std::clamp(r.toInt(), 0, 255), std::clamp(g.toInt(), 0, 255),
                             std::clamp(b.toInt(), 0, 255));
        } else if (o.fill.isValid()) {
            a.color = o.fill;
        }
        const QString x = d.take(QStringLiteral("x")), y = d.take(QStringLiteral("y"));
        if (!x.isEmpty() && !y.isEmpty()) {
            a.pinnedX = x.toDouble();
            a.pinnedY = y.toDouble();
        } else if (o.x && o.y) {
            a.pinnedX = *o.x;
            a.pinnedY = *o.y;
        }
        d.remove(QStringLiteral("size")); // drawn from the relations; not a story field
        QStringList rest = d.keys();
        rest.sort();
        for (const QString& k : rest)
            appendExtra(a.description, k, d.value(k));
    }

    void closeEdge(const Open& o)
    {
        Relation r = o.relation;
        QHash<QString, QString> d = withDefaults(o);
        r.type = d.take(QStringLiteral("type"));
        const QString label = d.take(QStringLiteral("label"));
        if (r.type.isEmpty())
            r.type = label;
        if (r.type.isEmpty())
            r.type = o.label;
        // yEd draws every edge directed; one drawn without arrows is a plain line.
        if (o.arrows && !*o.arrows && !o.explicitDirection)
            r.directed = false;
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
                m_x.fail(QCoreApplication::translate(
                             "chronomap::GraphMlReader",
                             "edge \"%1\": expected an EDTF date in \"date\": %2")
                             .arg(o.id, why));
        } else {
            r.valid = dateFromSpell(start, end, why);
            if (!why.isEmpty())
                m_x.fail(QCoreApplication::translate(
                             "chronomap::GraphMlReader",
                             "edge \"%1\": expected ISO dates in start and end: %2")
                             .arg(o.id, why));
        }
        QStringList rest = d.keys();
        rest.sort();
        for (const QString& k : rest)
            appendExtra(r.description, k, d.value(k));
        m_pending.append(PendingEdge{o.id, o.source, o.target, r, o.line, o.column});
    }

    // GraphML allows an edge before the nodes it joins: edges are joined once the file is read.
    void resolveEdges()
    {
        for (PendingEdge& e : m_pending) {
            for (const auto& [which, node] :
                 {std::pair{"source", e.source}, {"target", e.target}}) {
                if (!m_g.hasNode(node))
                    m_x.failAt(e.line, e.column,
                               QCoreApplication::translate(
                                   "chronomap::GraphMlReader",
                                   "edge \"%1\": expected the %2 to be the id of a node "
                                   "in the file, found \"%3\"")
                                   .arg(e.id, QLatin1String(which), node));
            }
            e.relation.sourceId = m_g.node(e.source);
            e.relation.targetId = m_g.node(e.target);
            m_g.addRelation(e.relation);
        }
    }

    GuardedXml m_x;
    GraphBuilder m_g;
    QHash<QString, Key> m_keys;
    QList<Open> m_open;
    QList<PendingEdge> m_pending;
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
    // NetworkX reads no mixed graph and takes edgedefault for the whole graph: a story whose
    // relations all lack a direction says so, so that it opens there as an undirected graph.
    const bool undirected =
        !relations.isEmpty() && std::none_of(relations.cbegin(), relations.cend(),
                                             [](const Relation& r) { return r.directed; });
    w.writeAttribute(QStringLiteral("edgedefault"),
                     undirected ? QStringLiteral("undirected") : QStringLiteral("directed"));
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
        if (!r.directed && !undirected)
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
