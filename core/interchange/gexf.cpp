#include "graphcommon.h"
#include "graphformats.h"
#include "xmlguard.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QSet>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <optional>

namespace chronomap {

namespace {

const QString kGexfNs = QStringLiteral("http://gexf.net/1.3");
const QString kVizNs = QStringLiteral("http://gexf.net/1.3/viz");

QString number(double d)
{
    return QString::number(d, 'g', 17);
}

// Our own attribute ids, written in <attributes> and recognised (by id or title) on reading.
struct AttributeDecl
{
    const char* id;
    const char* type;
};
constexpr AttributeDecl kNodeAttributes[] = {
    {"kind", "string"}, {"role", "string"}, {"description", "string"}};
constexpr AttributeDecl kEdgeAttributes[] = {
    {"type", "string"}, {"status", "string"}, {"description", "string"}, {"date", "string"}};

// A GEXF time bound as an EDTF date, or nullopt when it is not one. Dates and date-times are
// taken as they are. In timeformat "double" or "integer" (Gephi's default for dynamic graphs,
// and what a missing timeformat means) a whole number from -9999 to 9999 is a year, as such
// graphs are made ("1990.0"); other numbers are not dates. "Infinity" is an open bound.
std::optional<QString> timeBound(const QString& value, bool numeric)
{
    const QString v = value.trimmed();
    if (v.isEmpty() || v.compare(QLatin1String("infinity"), Qt::CaseInsensitive) == 0 ||
        v.compare(QLatin1String("-infinity"), Qt::CaseInsensitive) == 0)
        return QString();
    if (!numeric)
        return v; // a date (or not: dateFromSpell says what is wrong with it)
    bool isNumber = false;
    const double d = v.toDouble(&isNumber);
    if (!isNumber)
        return v; // a date in a file that does not say timeformat="date"
    if (!std::isfinite(d) || d != std::floor(d) || d < -9999 || d > 9999)
        return std::nullopt;
    const qint64 year = qint64(d);
    return (year < 0 ? QStringLiteral("-") : QString()) +
           QStringLiteral("%1").arg(std::abs(year), 4, 10, QLatin1Char('0'));
}

class GexfReader
{
public:
    GexfReader(const QByteArray& bytes, const QString& fileName) : m_x(bytes, fileName) {}

    ImportBatch read()
    {
        if (!m_x.next() || !m_x.isStart() || m_x.name() != QLatin1String("gexf"))
            m_x.fail(QCoreApplication::translate(
                "chronomap::GexfReader", "expected a <gexf> document (is this a GEXF file?)"));
        // The <attribute> being read, for its <default>: only while it is open.
        int attributeDepth = -1;
        QList<Attribute>* attributes = nullptr;
        while (m_x.next()) {
            if (!m_x.isStart()) {
                if (m_x.depth() < attributeDepth)
                    attributeDepth = -1;
                continue;
            }
            const QStringView n = m_x.name();
            if (n == QLatin1String("graph")) {
                // GEXF's default edge type is undirected; "mutual" is both ways, which a
                // relation without a direction says.
                m_defaultDirected = m_x.attribute("defaultedgetype") == QLatin1String("directed");
                const QString tf = m_x.attribute("timeformat");
                m_numericTime =
                    tf.isEmpty() || tf == QLatin1String("double") || tf == QLatin1String("integer");
            } else if (n == QLatin1String("attributes")) {
                m_class = m_x.attribute("class");
            } else if (n == QLatin1String("attribute")) {
                Attribute a;
                a.id = m_x.attribute("id");
                a.title = m_x.attribute("title");
                if (a.title.isEmpty())
                    a.title = a.id;
                attributes =
                    m_class == QLatin1String("edge") ? &m_edgeAttributes : &m_nodeAttributes;
                // Each node's and edge's values are matched against the declared attributes.
                if (attributes->size() >= GuardedXml::kMaxDeclared)
                    m_x.fail(QCoreApplication::translate("chronomap::GexfReader",
                                                         "more than %1 attributes declared for "
                                                         "nodes or for edges")
                                 .arg(GuardedXml::kMaxDeclared));
                attributes->append(a);
                attributeDepth = m_x.depth();
            } else if (n == QLatin1String("default") && attributeDepth >= 0 &&
                       m_x.depth() == attributeDepth + 1) {
                // A value for every node or edge that gives none (GEXF's <default>).
                attributes->last().byDefault = m_x.elementText();
                attributes->last().hasDefault = true;
            } else if (n == QLatin1String("node")) {
                readNode();
            } else if (n == QLatin1String("edge")) {
                readEdge();
            } else if (n == QLatin1String("title") && m_x.depth() == 3) {
                m_g.batch().title = m_x.elementText();
            } else if (n == QLatin1String("description") && m_x.depth() == 3) {
                m_g.batch().description = m_x.elementText();
            }
        }
        return std::move(m_g.batch());
    }

private:
    struct Attribute
    {
        QString id, title, byDefault;
        bool hasDefault = false;
    };

    // The attribute a <attvalue for="..."> names: by id, else by title (older files).
    static const Attribute* attribute(const QList<Attribute>& list, const QString& key)
    {
        for (const Attribute& a : list)
            if (a.id == key)
                return &a;
        for (const Attribute& a : list)
            if (a.title == key)
                return &a;
        return nullptr;
    }

    // The values of the current element's <attvalue>s (title, value), in file order, then the
    // defaults of the attributes it does not give.
    QList<std::pair<QString, QString>> withDefaults(QList<std::pair<QString, QString>> values,
                                                    const QList<Attribute>& declared)
    {
        QSet<QString> given;
        for (const auto& v : std::as_const(values))
            given.insert(v.first);
        for (const Attribute& a : declared) {
            if (!a.hasDefault || given.contains(a.title))
                continue;
            m_x.chargeDefault(a.title.size() + a.byDefault.size());
            values.append({a.title, a.byDefault});
        }
        return values;
    }

    std::pair<QString, QString> attvalue(const QList<Attribute>& declared) const
    {
        const QString key = m_x.attribute("for");
        const Attribute* a = attribute(declared, key);
        return {a ? a->title : key, m_x.attribute("value")};
    }

    void readNode()
    {
        const QString id = m_x.attribute("id");
        if (id.isEmpty())
            m_x.fail(
                QCoreApplication::translate("chronomap::GexfReader", "expected an id on <node>"));
        Actor a;
        a.name = m_x.attribute("label").trimmed();
        if (a.name.isEmpty())
            a.name = id;
        const int depth = m_x.depth();
        QList<std::pair<QString, QString>> values;
        while (m_x.next() && m_x.depth() >= depth) {
            if (!m_x.isStart())
                continue;
            const QStringView n = m_x.name();
            if (n == QLatin1String("node")) {
                // A hierarchy (GEXF <nodes> inside a node): its nodes are actors too.
                readNode();
            } else if (n == QLatin1String("attvalue")) {
                values.append(attvalue(m_nodeAttributes));
            } else if (n == QLatin1String("color")) {
                bool okR = false, okG = false, okB = false;
                const int r = m_x.attribute("r").toInt(&okR), g = m_x.attribute("g").toInt(&okG),
                          b = m_x.attribute("b").toInt(&okB);
                if (!okR || !okG || !okB || r < 0 || r > 255 || g < 0 || g > 255 || b < 0 ||
                    b > 255)
                    m_x.fail(QCoreApplication::translate(
                        "chronomap::GexfReader", "expected viz:color r, g and b from 0 to 255"));
                double alpha = 1;
                if (m_x.hasAttribute("a"))
                    alpha = std::clamp(m_x.attribute("a").toDouble(), 0.0, 1.0);
                a.color = QColor(r, g, b, int(std::lround(alpha * 255)));
            } else if (n == QLatin1String("position")) {
                bool okX = false, okY = false;
                const double x = m_x.attribute("x").toDouble(&okX),
                             y = m_x.attribute("y").toDouble(&okY);
                if (!okX || !okY || !std::isfinite(x) || !std::isfinite(y))
                    m_x.fail(QCoreApplication::translate(
                        "chronomap::GexfReader", "expected numbers for viz:position x and y"));
                a.pinnedX = x;
                a.pinnedY = y;
            }
        }
        for (const auto& [title, value] : withDefaults(values, m_nodeAttributes)) {
            if (title.compare(QLatin1String("kind"), Qt::CaseInsensitive) == 0 &&
                actorKindFromName(value.toLower()))
                a.kind = *actorKindFromName(value.toLower());
            else if (title.compare(QLatin1String("role"), Qt::CaseInsensitive) == 0)
                a.role = value;
            else if (title.compare(QLatin1String("description"), Qt::CaseInsensitive) == 0)
                a.description = value + a.description;
            else
                appendExtra(a.description, title, value);
        }
        if (!m_g.addNode(id, a))
            m_x.fail(QCoreApplication::translate("chronomap::GexfReader",
                                                 "the node id \"%1\" is used twice")
                         .arg(id));
    }

    void readEdge()
    {
        const QString id = m_x.attribute("id");
        Relation r;
        for (const char* end : {"source", "target"}) {
            const QString node = m_x.attribute(end);
            if (!m_g.hasNode(node))
                m_x.fail(QCoreApplication::translate(
                             "chronomap::GexfReader",
                             "edge \"%1\": expected the %2 to be the id of a node "
                             "declared before, found \"%3\"")
                             .arg(id, QLatin1String(end), node));
            (qstrcmp(end, "source") == 0 ? r.sourceId : r.targetId) = m_g.node(node);
        }
        const QString type = m_x.attribute("type");
        r.directed = type.isEmpty() ? m_defaultDirected : type == QLatin1String("directed");
        r.type = m_x.attribute("label");
        if (r.type.isEmpty())
            r.type = m_x.attribute("kind");
        if (m_x.hasAttribute("weight")) {
            bool ok = false;
            r.weight = m_x.attribute("weight").toDouble(&ok);
            if (!ok || !std::isfinite(r.weight))
                m_x.fail(QCoreApplication::translate(
                             "chronomap::GexfReader",
                             "edge \"%1\": expected a number for weight, found \"%2\"")
                             .arg(id, m_x.attribute("weight")));
        }
        QString spellStart = m_x.attribute("start"), spellEnd = m_x.attribute("end");
        const qint64 line = m_x.reader().lineNumber(), column = m_x.reader().columnNumber();
        QList<std::pair<QString, QString>> values;
        QStringList otherSpells;
        const int depth = m_x.depth();
        while (m_x.next() && m_x.depth() >= depth) {
            if (!m_x.isStart())
                continue;
            const QStringView n = m_x.name();
            if (n == QLatin1String("attvalue")) {
                values.append(attvalue(m_edgeAttributes));
            } else if (n == QLatin1String("spell")) {
                const QString s = m_x.attribute("start"), e = m_x.attribute("end");
                if (spellStart.isEmpty() && spellEnd.isEmpty()) {
                    spellStart = s;
                    spellEnd = e;
                } else {
                    // A relation has one time span; further spells are kept as text.
                    otherSpells << s + QStringLiteral(" to ") + e;
                }
            }
        }
        QString edtf;
        for (const auto& [title, value] : withDefaults(values, m_edgeAttributes)) {
            if (title == QLatin1String("type"))
                r.type = value;
            else if (title == QLatin1String("status") && verificationFromName(value))
                r.status = *verificationFromName(value);
            else if (title == QLatin1String("description"))
                r.description = value + r.description;
            else if (title == QLatin1String("date"))
                edtf = value;
            else
                appendExtra(r.description, title, value);
        }
        QString why;
        if (!edtf.isEmpty()) {
            r.valid = PartialDate::fromEdtf(edtf, &why);
            if (!r.valid.isValid())
                m_x.failAt(line, column,
                           QCoreApplication::translate(
                               "chronomap::GexfReader",
                               "edge \"%1\": expected an EDTF date in \"date\": %2")
                               .arg(id, why));
        } else {
            const auto start = timeBound(spellStart, m_numericTime),
                       end = timeBound(spellEnd, m_numericTime);
            if (start && end) {
                r.valid = dateFromSpell(*start, *end, why);
                if (!why.isEmpty())
                    m_x.failAt(line, column,
                               QCoreApplication::translate(
                                   "chronomap::GexfReader",
                                   "edge \"%1\": expected ISO dates in the spell: %2")
                                   .arg(id, why));
            } else {
                // Times that are not dates (fractions in a "double" graph): kept as text.
                otherSpells.prepend(spellStart + QStringLiteral(" to ") + spellEnd);
            }
        }
        if (!otherSpells.isEmpty())
            appendExtra(r.description, QStringLiteral("spells"),
                        otherSpells.join(QStringLiteral("; ")));
        m_g.addRelation(r);
    }

    GuardedXml m_x;
    GraphBuilder m_g;
    QList<Attribute> m_nodeAttributes, m_edgeAttributes;
    QString m_class;
    bool m_defaultDirected = false;
    bool m_numericTime = true;
};

bool allUndirected(const QList<Relation>& relations)
{
    return !relations.isEmpty() && std::none_of(relations.cbegin(), relations.cend(),
                                                [](const Relation& r) { return r.directed; });
}

void declare(QXmlStreamWriter& w, const char* cls, const auto& decls, bool dynamic)
{
    w.writeStartElement(QStringLiteral("attributes"));
    w.writeAttribute(QStringLiteral("class"), QLatin1String(cls));
    w.writeAttribute(QStringLiteral("mode"), QStringLiteral("static"));
    Q_UNUSED(dynamic);
    for (const AttributeDecl& d : decls) {
        w.writeEmptyElement(QStringLiteral("attribute"));
        w.writeAttribute(QStringLiteral("id"), QLatin1String(d.id));
        w.writeAttribute(QStringLiteral("title"), QLatin1String(d.id));
        w.writeAttribute(QStringLiteral("type"), QLatin1String(d.type));
    }
    w.writeEndElement();
}

void attvalue(QXmlStreamWriter& w, const char* key, const QString& value)
{
    if (value.isEmpty())
        return;
    w.writeEmptyElement(QStringLiteral("attvalue"));
    w.writeAttribute(QStringLiteral("for"), QLatin1String(key));
    w.writeAttribute(QStringLiteral("value"), value);
}

} // namespace

ImportBatch readGexf(const QByteArray& xml, const QString& fileName)
{
    return GexfReader(xml, fileName).read();
}

QByteArray writeGexf(const Store& store)
{
    const QList<Actor> actors = store.actors();
    const QList<Relation> relations = store.relations();
    QHash<Id, int> degree;
    bool dynamic = false;
    for (const Relation& r : relations) {
        ++degree[r.sourceId];
        ++degree[r.targetId];
        dynamic = dynamic || r.valid.isValid();
    }
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeNamespace(kVizNs, QStringLiteral("viz"));
    w.writeDefaultNamespace(kGexfNs);
    w.writeStartElement(kGexfNs, QStringLiteral("gexf"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.3"));
    w.writeStartElement(QStringLiteral("meta"));
    w.writeTextElement(QStringLiteral("creator"), QStringLiteral("Chronomap"));
    w.writeTextElement(QStringLiteral("title"), store.meta(QStringLiteral("title")));
    w.writeTextElement(QStringLiteral("description"), store.meta(QStringLiteral("description")));
    w.writeEndElement();

    w.writeStartElement(QStringLiteral("graph"));
    // NetworkX reads no mixed graph and takes the default for the whole graph: a story whose
    // relations all lack a direction says so, so that it opens there as an undirected graph.
    w.writeAttribute(QStringLiteral("defaultedgetype"), allUndirected(relations)
                                                            ? QStringLiteral("undirected")
                                                            : QStringLiteral("directed"));
    w.writeAttribute(QStringLiteral("mode"),
                     dynamic ? QStringLiteral("dynamic") : QStringLiteral("static"));
    if (dynamic)
        w.writeAttribute(QStringLiteral("timeformat"), QStringLiteral("date"));
    declare(w, "node", kNodeAttributes, dynamic);
    declare(w, "edge", kEdgeAttributes, dynamic);

    w.writeStartElement(QStringLiteral("nodes"));
    for (const Actor& a : actors) {
        w.writeStartElement(QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("id"), nodeIdOf(a.id));
        w.writeAttribute(QStringLiteral("label"), a.name);
        w.writeStartElement(QStringLiteral("attvalues"));
        attvalue(w, "kind", actorKindName(a.kind));
        attvalue(w, "role", a.role);
        attvalue(w, "description", a.description);
        w.writeEndElement();
        if (a.color.isValid()) {
            w.writeEmptyElement(kVizNs, QStringLiteral("color"));
            w.writeAttribute(QStringLiteral("r"), QString::number(a.color.red()));
            w.writeAttribute(QStringLiteral("g"), QString::number(a.color.green()));
            w.writeAttribute(QStringLiteral("b"), QString::number(a.color.blue()));
            if (a.color.alpha() != 255)
                w.writeAttribute(QStringLiteral("a"), number(a.color.alphaF()));
        }
        // Size by the number of relations, so a hub stands out in Gephi before any layout.
        w.writeEmptyElement(kVizNs, QStringLiteral("size"));
        w.writeAttribute(QStringLiteral("value"), number(10.0 + 2.0 * degree.value(a.id)));
        if (a.pinnedX && a.pinnedY) {
            w.writeEmptyElement(kVizNs, QStringLiteral("position"));
            w.writeAttribute(QStringLiteral("x"), number(*a.pinnedX));
            w.writeAttribute(QStringLiteral("y"), number(*a.pinnedY));
            w.writeAttribute(QStringLiteral("z"), QStringLiteral("0"));
        }
        w.writeEndElement();
    }
    w.writeEndElement();

    w.writeStartElement(QStringLiteral("edges"));
    for (const Relation& r : relations) {
        w.writeStartElement(QStringLiteral("edge"));
        w.writeAttribute(QStringLiteral("id"), edgeIdOf(r.id));
        w.writeAttribute(QStringLiteral("source"), nodeIdOf(r.sourceId));
        w.writeAttribute(QStringLiteral("target"), nodeIdOf(r.targetId));
        w.writeAttribute(QStringLiteral("type"),
                         r.directed ? QStringLiteral("directed") : QStringLiteral("undirected"));
        w.writeAttribute(QStringLiteral("label"), r.type);
        w.writeAttribute(QStringLiteral("weight"), number(r.weight));
        w.writeStartElement(QStringLiteral("attvalues"));
        attvalue(w, "type", r.type);
        attvalue(w, "status", verificationName(r.status));
        attvalue(w, "description", r.description);
        attvalue(w, "date", r.valid.isValid() ? r.valid.edtf() : QString());
        w.writeEndElement();
        if (r.valid.isValid()) {
            w.writeStartElement(QStringLiteral("spells"));
            w.writeEmptyElement(QStringLiteral("spell"));
            if (const QString s = spellStart(r.valid); !s.isEmpty())
                w.writeAttribute(QStringLiteral("start"), s);
            if (const QString e = spellEnd(r.valid); !e.isEmpty())
                w.writeAttribute(QStringLiteral("end"), e);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement(); // graph
    w.writeEndElement(); // gexf
    w.writeEndDocument();
    return out;
}

} // namespace chronomap
