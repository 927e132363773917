#include "graphcommon.h"
#include "graphformats.h"
#include "timedcells.h"
#include "xmlguard.h"
#include "formatregistry.h"

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
// The name of the companion key that holds an attribute's timed values (see writeGraphMl).
const QString kTimedSuffix = QStringLiteral(":timed");

// Reads GraphML as the tools write it: typed <key>s with their <default>s, <data> of nodes and
// edges, nested graphs (yEd's groups; their nodes are actors too), edges before or after their
// nodes, and yEd's drawing (y:NodeLabel, y:Fill, y:Geometry, y:EdgeLabel, y:Arrows), so a
// diagram drawn in yEd keeps its names, colours and places.
class GraphMlReader
{
public:
    GraphMlReader(const QByteArray& bytes, const QString& fileName)
        : m_x(bytes, fileName), m_g(QStringLiteral("graphml"))
    {}

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
                if (!m_graphDepth.isEmpty() && m_x.depth() < m_graphDepth.last())
                    m_graphDepth.removeLast();
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
                if (const QString t = m_x.attribute("chronomap.type");
                    k.type == QLatin1String("string") && attributeTypeFromName(t))
                    k.ours = t;
                k.forWhat = m_x.attribute("for");
                k.yfiles = m_x.attribute("yfiles.type");
                // yFiles for HTML names its drawing keys by a URI (y:attr.uri).
                for (const QXmlStreamAttribute& a : m_x.reader().attributes())
                    if (a.name() == QLatin1String("attr.uri") && k.yfiles.isEmpty() &&
                        a.value().contains(QLatin1String("yworks.com")) &&
                        k.name != QLatin1String("url") && k.name != QLatin1String("description"))
                        k.yfiles = a.value().toString();
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
                m_graphDepth.append(m_x.depth());
            } else if (n == QLatin1String("hyperedge")) {
                ++m_hyperedges;
            } else if (n == QLatin1String("desc") && !m_open.isEmpty() &&
                       m_x.depth() == m_open.last().depth + 1) {
                m_open.last().desc = m_x.elementText().trimmed();
            } else if (n == QLatin1String("desc") && !m_graphDepth.isEmpty() &&
                       m_x.depth() == m_graphDepth.last() + 1 && m_graphDepth.size() == 1) {
                m_g.batch().description = m_x.elementText().trimmed();
            } else if (n == QLatin1String("data") && m_open.isEmpty() &&
                       !m_graphDepth.isEmpty() && m_x.depth() == m_graphDepth.last() + 1) {
                readGraphData();
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
        if (m_hyperedges)
            m_g.batch().warnings << QCoreApplication::translate(
                                        "chronomap::GraphMlReader",
                                        "%n hyperedge(s) not imported: a relation joins two "
                                        "actors; the file's plain edges were imported",
                                        nullptr, int(m_hyperedges));
        return std::move(m_g.batch());
    }

private:
    struct Key
    {
        QString name, type, forWhat, yfiles, byDefault;
        QString ours; // chronomap.type: a type GraphML has no name for ("date", "list")
        bool hasDefault = false;
        // The type values are read as: ours where GraphML's own cannot say it.
        QString valueType() const { return ours.isEmpty() ? type : ours; }
    };
    // A node or edge being read: its <data> by key name, and yEd's drawing of it.
    struct Open
    {
        bool edge = false;
        int depth = 0;
        QString id;
        QHash<QString, QString> data;
        QHash<QString, QString> types; // the key's attr.type for each name in data
        QString label;                  // y:NodeLabel / y:EdgeLabel / yFiles for HTML's Label.Text
        QString desc;                   // <desc>
        QString parent;                 // the group (node) whose nested graph holds this node
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
        // A node inside a node's nested graph (a yEd group) belongs to that group.
        for (qsizetype i = m_open.size() - 1; i >= 0; --i)
            if (!m_open.at(i).edge) {
                o.parent = m_open.at(i).id;
                break;
            }
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
        // xs:boolean: "true" or "1".
        o.relation.directed = directed.isEmpty() ? m_defaultDirected
                                                 : directed == QLatin1String("true") ||
                                                       directed == QLatin1String("1");
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
        o.types.insert(k.name, k.valueType());
    }

    // <data> of the graph itself: the story's properties ("graphml.name": "...").
    void readGraphData()
    {
        const Key k = m_keys.value(m_x.attribute("key"));
        if (!k.yfiles.isEmpty()) {
            m_x.elementText();
            return;
        }
        const QString value = m_x.elementText().trimmed();
        if (value.isEmpty())
            return;
        const QString name = k.name.isEmpty() ? m_x.attribute("key") : k.name;
        if ((name == QLatin1String("name") || name == QLatin1String("label") ||
             name == QLatin1String("title")) &&
            m_g.batch().title.isEmpty())
            m_g.batch().title = value;
        else if (name == QLatin1String("description") && m_g.batch().description.isEmpty())
            m_g.batch().description = value;
        m_g.batch().properties.append({QStringLiteral("graphml.") + name, value});
    }

    // yEd's drawing inside a <data>: the first label, fill and geometry. A group has one
    // realizer for its open state and one for its closed state: the one yEd shows (`active`)
    // is read, the other passed over.
    void readYed(Open& o)
    {
        const int depth = m_x.depth();
        int realizersDepth = -1, active = 0, realizer = -1;
        while (m_x.next() && m_x.depth() >= depth) {
            if (!m_x.isStart())
                continue;
            const QStringView n = m_x.name();
            if (m_x.reader().namespaceUri() != kYedNs) {
                readYFilesHtml(o);
                continue;
            }
            if (realizersDepth >= 0 && m_x.depth() <= realizersDepth)
                realizersDepth = -1;
            if (realizersDepth >= 0 && m_x.depth() == realizersDepth + 1)
                ++realizer;
            if (realizersDepth >= 0 && realizer != active)
                continue;
            if (n == QLatin1String("Realizers")) {
                realizersDepth = m_x.depth();
                active = m_x.attribute("active").toInt();
                realizer = -1;
            } else if ((n == QLatin1String("NodeLabel") || n == QLatin1String("EdgeLabel")) &&
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

    // yFiles for HTML (yEd Live) writes XAML: <y:Label.Text>, <y:RectD X Y Width Height> and
    // a style's fill="#AARRGGBB".
    void readYFilesHtml(Open& o)
    {
        const QStringView n = m_x.name();
        if (n == QLatin1String("Label.Text") && o.label.isEmpty()) {
            o.label = m_x.elementText().trimmed();
        } else if (n == QLatin1String("Label") && o.label.isEmpty() && m_x.hasAttribute("Text")) {
            o.label = m_x.attribute("Text").trimmed();
        } else if (n == QLatin1String("RectD") && !o.x && !o.edge) {
            bool okX = false, okY = false, okW = false, okH = false;
            const double x = m_x.attribute("X").toDouble(&okX), y = m_x.attribute("Y").toDouble(&okY),
                         w = m_x.attribute("Width").toDouble(&okW),
                         h = m_x.attribute("Height").toDouble(&okH);
            if (okX && okY && std::isfinite(x) && std::isfinite(y)) {
                o.x = x + (okW && std::isfinite(w) ? w / 2 : 0);
                o.y = y + (okH && std::isfinite(h) ? h / 2 : 0);
            }
        } else if (!o.edge && !o.fill.isValid() && m_x.hasAttribute("fill") &&
                   n.endsWith(QLatin1String("NodeStyle"))) {
            const QColor c = QColor::fromString(m_x.attribute("fill"));
            if (c.isValid() && c.alpha() > 0)
                o.fill = c;
        }
    }

    // The element's data with its keys' defaults for what it does not give; `types` gets each
    // name's declared type.
    QHash<QString, QString> withDefaults(const Open& o, QHash<QString, QString>* types = nullptr)
    {
        QHash<QString, QString> d = o.data;
        if (types)
            *types = o.types;
        const QString what = o.edge ? QStringLiteral("edge") : QStringLiteral("node");
        for (const Key& k : std::as_const(m_keys))
            if (k.hasDefault && k.yfiles.isEmpty() &&
                (k.forWhat == what || k.forWhat == QLatin1String("all")) && !d.contains(k.name)) {
                m_x.chargeDefault(k.name.size() + k.byDefault.size());
                d.insert(k.name, k.byDefault);
                if (types)
                    types->insert(k.name, k.valueType());
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

    // What is left of an element's data after our fields took theirs: typed attributes.
    void keepTyped(Attributes& out, const QHash<QString, QString>& d,
                   const QHash<QString, QString>& types, bool edge) const
    {
        QStringList rest = d.keys();
        rest.sort();
        for (const QString& k : rest) {
            // "Score:timed" after "Score" (sorted): the timed values, typed as "Score" is
            // declared, with its untimed value among them.
            if (k.endsWith(kTimedSuffix) && k.size() > kTimedSuffix.size() &&
                isTimedCell(d.value(k))) {
                const QString name = k.chopped(kTimedSuffix.size());
                setAttribute(out, name, attributeFromCell(declaredType(name, edge), d.value(k)));
                continue;
            }
            std::optional<Attribute> a = typedAttribute(types.value(k), d.value(k));
            if (!a)
                a = Attribute{QString(), AttributeType::String, d.value(k)};
            setAttribute(out, k, *a);
        }
    }

    // The type a key of that name declares for nodes or edges, even when the element gives
    // it no <data> (an attribute with timed values only).
    QString declaredType(const QString& name, bool edge) const
    {
        const QString what = edge ? QStringLiteral("edge") : QStringLiteral("node");
        for (const Key& k : m_keys)
            if (k.name == name && (k.forWhat == what || k.forWhat == QLatin1String("all")))
                return k.valueType();
        return {};
    }

    void closeNode(const Open& o)
    {
        QHash<QString, QString> types;
        QHash<QString, QString> d = withDefaults(o, &types);
        Actor& a = m_g.actor(o.id);
        a.kindKnown = false;
        a.name = d.take(QStringLiteral("label")).trimmed();
        if (a.name.isEmpty())
            a.name = o.label;
        if (a.name.isEmpty())
            a.name = d.take(QStringLiteral("name")).trimmed();
        if (a.name.isEmpty())
            a.name = o.id;
        if (d.contains(QStringLiteral("kind")) &&
            actorKindFromName(d.value(QStringLiteral("kind")).toLower())) {
            a.kind = *actorKindFromName(d.take(QStringLiteral("kind")).toLower());
            a.kindKnown = true;
        }
        a.role = d.take(QStringLiteral("role"));
        a.description = d.take(QStringLiteral("description"));
        if (a.description.isEmpty())
            a.description = o.desc;
        // A "color" that is not a colour is kept as the text it is.
        const QColor color = QColor::fromString(d.value(QStringLiteral("color")).trimmed());
        if (color.isValid())
            d.remove(QStringLiteral("color"));
        const QString r = d.value(QStringLiteral("r")), g = d.value(QStringLiteral("g")),
                      b = d.value(QStringLiteral("b"));
        bool okR = false, okG = false, okB = false;
        const int ri = r.toInt(&okR), gi = g.toInt(&okG), bi = b.toInt(&okB);
        if (color.isValid()) {
            a.color = color;
        } else if (okR && okG && okB) {
            a.color = QColor(std::clamp(ri, 0, 255), std::clamp(gi, 0, 255), std::clamp(bi, 0, 255));
        } else if (o.fill.isValid()) {
            a.color = o.fill;
        }
        if (a.color.isValid() && okR && okG && okB)
            for (const char* c : {"r", "g", "b"})
                d.remove(QLatin1String(c));
        bool okX = false, okY = false;
        const double x = d.value(QStringLiteral("x")).toDouble(&okX),
                     y = d.value(QStringLiteral("y")).toDouble(&okY);
        // The file's layout (x/y keys, yEd's y:Geometry, yFiles' y:RectD) is where the map
        // starts, as with Gephi's viz:position: not a pin the user set.
        if (okX && okY && std::isfinite(x) && std::isfinite(y)) {
            setFilePosition(a, QPointF(x, y));
            d.remove(QStringLiteral("x"));
            d.remove(QStringLiteral("y"));
        } else if (o.x && o.y) {
            setFilePosition(a, QPointF(*o.x, *o.y));
        }
        // The size a file gives is kept as it is (written back as "size").
        if (d.contains(QStringLiteral("size")))
            types.insert(QStringLiteral("size"), QStringLiteral("double"));
        keepTyped(a.attributes, d, types, false);
        if (!o.parent.isEmpty())
            setAttribute(a.attributes, QStringLiteral("parent"),
                         Attribute{QStringLiteral("parent"), AttributeType::String, o.parent});
    }

    void closeEdge(const Open& o)
    {
        Relation r = o.relation;
        QHash<QString, QString> types;
        QHash<QString, QString> d = withDefaults(o, &types);
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
        if (r.description.isEmpty())
            r.description = o.desc;
        const QString edtf = d.take(QStringLiteral("date"));
        const QString start = d.take(QStringLiteral("start")), end = d.take(QStringLiteral("end"));
        QString why;
        if (!edtf.isEmpty()) {
            r.valid = PartialDate::fromEdtf(edtf, &why);
            if (!r.valid.isValid())
                m_x.fail(QCoreApplication::translate(
                             "chronomap::GraphMlReader",
                             "edge \"%1\": expected an EDTF date in \"date\": %2")
                             .arg(edgeName(o.id, o.source, o.target), why));
        } else {
            r.valid = dateFromSpell(start, end, why);
            if (!why.isEmpty())
                m_x.fail(QCoreApplication::translate(
                             "chronomap::GraphMlReader",
                             "edge \"%1\": expected ISO dates in start and end: %2")
                             .arg(edgeName(o.id, o.source, o.target), why));
        }
        keepTyped(r.attributes, d, types, true);
        m_pending.append(PendingEdge{o.id, o.source, o.target, r, o.line, o.column});
    }

    // GraphML allows an edge before the nodes it joins: edges are joined once the file is read.
    void resolveEdges()
    {
        for (PendingEdge& e : m_pending) {
            for (const auto& [which, node] :
                 {std::pair{"source", e.source}, {"target", e.target}}) {
                if (!m_g.hasNode(node))
                    m_x.failAt(
                        e.line, e.column,
                        QCoreApplication::translate(
                            "chronomap::GraphMlReader",
                            "edge \"%1\": expected the %2 to be the id of a node "
                            "in the file, found \"%3\"")
                            .arg(edgeName(e.id, e.source, e.target), QLatin1String(which), node));
            }
            e.relation.sourceId = m_g.node(e.source);
            e.relation.targetId = m_g.node(e.target);
            m_g.addRelation(e.relation, e.id);
        }
    }

    GuardedXml m_x;
    GraphBuilder m_g;
    QHash<QString, Key> m_keys;
    QList<Open> m_open;
    QList<PendingEdge> m_pending;
    QList<int> m_graphDepth; // the depth of each open <graph>
    qint64 m_hyperedges = 0;
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
    const QList<Actor> actors = store.actors();
    const QList<Relation> relations = store.relations();
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeDefaultNamespace(kGraphMlNs);
    w.writeStartElement(kGraphMlNs, QStringLiteral("graphml"));
    QSet<QString> ours[2];
    for (const KeyDecl& k : kKeys) {
        w.writeEmptyElement(QStringLiteral("key"));
        w.writeAttribute(QStringLiteral("id"), keyId(k));
        w.writeAttribute(QStringLiteral("for"), QLatin1String(k.forWhat));
        w.writeAttribute(QStringLiteral("attr.name"), QLatin1String(k.name));
        w.writeAttribute(QStringLiteral("attr.type"), QLatin1String(k.type));
        ours[qstrcmp(k.forWhat, "edge") == 0].insert(QLatin1String(k.name));
    }
    // A key of ours, numbered after its prefix, kept in `ids` under the attribute's name.
    auto writeKey = [&](const QString& prefix, QHash<QString, QString>& ids, const QString& name,
                        const char* forWhat, const QString& keyName, const QString& type) {
        const QString id = prefix + QString::number(ids.size());
        ids.insert(name, id);
        w.writeEmptyElement(QStringLiteral("key"));
        w.writeAttribute(QStringLiteral("id"), id);
        w.writeAttribute(QStringLiteral("for"), QLatin1String(forWhat));
        w.writeAttribute(QStringLiteral("attr.name"), keyName);
        w.writeAttribute(QStringLiteral("attr.type"), type);
    };
    // The story's custom attributes, typed ("c_" for nodes, "ce_" for edges, then a number).
    QHash<QString, QString> nodeKeys, edgeKeys;
    auto declareCustom = [&](const auto& columns, const char* forWhat, const QString& prefix,
                             const QSet<QString>& fixed, QHash<QString, QString>& ids) {
        for (const auto& [name, type] : columns) {
            if (fixed.contains(name) || name.startsWith(QLatin1String("viz:")))
                continue;
            writeKey(prefix, ids, name, forWhat, name, graphMlTypeName(type));
            // GraphML has no date or list type: they are strings to other tools, and our
            // reader takes the type back from chronomap.type (un-namespaced, as yEd's
            // yfiles.type is), so an actor's validity stays a date.
            if (graphMlTypeName(type) == QLatin1String("string") && type != AttributeType::String)
                w.writeAttribute(QStringLiteral("chronomap.type"), attributeTypeName(type));
        }
    };
    declareCustom(attributeColumns(actors), "node", QStringLiteral("c_"), ours[0], nodeKeys);
    declareCustom(attributeColumns(relations), "edge", QStringLiteral("ce_"), ours[1], edgeKeys);
    // GraphML has one value per key: an attribute's timed values go in a companion string key
    // named "<name>:timed" ("t_", "te_" and a number), in Gephi's spreadsheet syntax for
    // intervals (timedcells.h), beside the key of its untimed value. Tools that do not know it
    // see a text attribute.
    QHash<QString, QString> nodeTimedKeys, edgeTimedKeys;
    auto declareTimed = [&](const QSet<QString>& timed, const auto& columns, const char* forWhat,
                            const QString& prefix, const QHash<QString, QString>& plain,
                            QHash<QString, QString>& ids) {
        for (const auto& [name, type] : columns) {
            if (timed.contains(name) && plain.contains(name))
                writeKey(prefix, ids, name, forWhat, name + kTimedSuffix, QStringLiteral("string"));
        }
    };
    declareTimed(timedNames(actors), attributeColumns(actors), "node", QStringLiteral("t_"),
                 nodeKeys, nodeTimedKeys);
    declareTimed(timedNames(relations), attributeColumns(relations), "edge", QStringLiteral("te_"),
                 edgeKeys, edgeTimedKeys);
    w.writeStartElement(QStringLiteral("graph"));
    w.writeAttribute(QStringLiteral("id"), QStringLiteral("chronomap"));
    // A mixed graph is directed with directed="false" on its undirected edges, as GraphML
    // says and Gephi and yEd read. NetworkX takes edgedefault for the whole graph and refuses
    // any edge whose directed= differs from it, so it reads no mixed graph in GraphML (it does
    // in GEXF, where the edge is "mutual"). Marking the undirected edges with a data key
    // instead (every edge directed in XML terms) would let NetworkX read a DiGraph, but then
    // the file itself says every edge is directed: Gephi, yEd, igraph and any reader of plain
    // GraphML would take the undirected relations for directed ones, and a reader that only
    // looks at directed= (as ../shared/checks/realworld does for Gephi's
    // edges_table_types_test.csv) sees no undirected edge. A file cannot give both answers:
    // the standard one is kept. A story whose relations are all directed or all undirected
    // is a plain directed or undirected graph, which NetworkX reads.
    const bool undirected =
        !relations.isEmpty() && std::none_of(relations.cbegin(), relations.cend(),
                                             [](const Relation& r) { return r.directed; });
    w.writeAttribute(QStringLiteral("edgedefault"),
                     undirected ? QStringLiteral("undirected") : QStringLiteral("directed"));
    for (const Actor& a : actors) {
        w.writeStartElement(QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("id"), nodeIdOf(a.id));
        dataElement(w, QStringLiteral("label"), a.name);
        // An actor whose kind no one gave has none in the file: nothing is invented.
        if (a.kindKnown)
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
        // Where the user pinned it, else where the file it came from placed it.
        if (const std::optional<QPointF> at = mapPlace(a)) {
            dataElement(w, QStringLiteral("x"), number(at->x()));
            dataElement(w, QStringLiteral("y"), number(at->y()));
        }
        const Attribute* size = findAttribute(a.attributes, QStringLiteral("viz:size"));
        if (!size)
            size = findAttribute(a.attributes, QStringLiteral("size"));
        // Only a size the actor has: one computed here would come back as its own.
        if (size && size->number())
            dataElement(w, QStringLiteral("size"), number(*size->number()));
        for (const Attribute& c : a.attributes) {
            if (nodeKeys.contains(c.name))
                dataElement(w, nodeKeys.value(c.name), c.value);
            if (c.isTimed() && nodeTimedKeys.contains(c.name))
                dataElement(w, nodeTimedKeys.value(c.name), timedCellText(c));
        }
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
        for (const Attribute& c : r.attributes) {
            if (edgeKeys.contains(c.name))
                dataElement(w, edgeKeys.value(c.name), c.value);
            if (c.isTimed() && edgeTimedKeys.contains(c.name))
                dataElement(w, edgeTimedKeys.value(c.name), timedCellText(c));
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace chronomap

namespace chronomap {

FileFormat graphMlFileFormat()
{
    FileFormat f;
    f.name = QStringLiteral("graphml");
    f.origin = QStringLiteral("graphml");
    f.label = QT_TRANSLATE_NOOP("chronomap::FileFormat", "GraphML (yEd, Cytoscape, igraph)");
    f.suffixes = {QStringLiteral("graphml")};
    f.sniff = [](const QByteArray& head) { return head.contains("<graphml"); };
    f.read = readGraphMl;
    f.write = writeGraphMl;
    return f;
}

} // namespace chronomap
