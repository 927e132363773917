#include "graphcommon.h"
#include "graphformats.h"
#include "xmlguard.h"

#include "store/store.h"

#include <QXmlStreamWriter>

#include <cmath>

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

class GexfReader
{
public:
    GexfReader(const QByteArray& bytes, const QString& fileName) : m_x(bytes, fileName) {}

    ImportBatch read()
    {
        if (!m_x.next() || !m_x.isStart() || m_x.name() != QLatin1String("gexf"))
            m_x.fail(QStringLiteral("expected a <gexf> document (is this a GEXF file?)"));
        while (m_x.next()) {
            if (!m_x.isStart())
                continue;
            const QStringView n = m_x.name();
            if (n == QLatin1String("graph")) {
                m_defaultDirected = m_x.attribute("defaultedgetype") != QLatin1String("undirected");
                const QString tf = m_x.attribute("timeformat");
                m_timeIsDate = tf.isEmpty() || tf == QLatin1String("date") ||
                               tf == QLatin1String("datetime") || tf == QLatin1String("dateTime");
            } else if (n == QLatin1String("attributes")) {
                m_class = m_x.attribute("class");
            } else if (n == QLatin1String("attribute")) {
                QString title = m_x.attribute("title");
                if (title.isEmpty())
                    title = m_x.attribute("id");
                (m_class == QLatin1String("edge") ? m_edgeTitles : m_nodeTitles)
                    .insert(m_x.attribute("id"), title);
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
    void readNode()
    {
        const QString id = m_x.attribute("id");
        if (id.isEmpty())
            m_x.fail(QStringLiteral("expected an id on <node>"));
        Actor a;
        a.name = m_x.attribute("label").trimmed();
        if (a.name.isEmpty())
            a.name = id;
        const int depth = m_x.depth();
        while (m_x.next() && m_x.depth() >= depth) {
            if (!m_x.isStart())
                continue;
            const QStringView n = m_x.name();
            if (n == QLatin1String("attvalue")) {
                const QString title =
                    m_nodeTitles.value(m_x.attribute("for"), m_x.attribute("for"));
                const QString value = m_x.attribute("value");
                if (title.compare(QLatin1String("kind"), Qt::CaseInsensitive) == 0 &&
                    actorKindFromName(value.toLower()))
                    a.kind = *actorKindFromName(value.toLower());
                else if (title.compare(QLatin1String("role"), Qt::CaseInsensitive) == 0)
                    a.role = value;
                else if (title.compare(QLatin1String("description"), Qt::CaseInsensitive) == 0)
                    a.description = value + a.description;
                else
                    appendExtra(a.description, title, value);
            } else if (n == QLatin1String("color")) {
                bool okR = false, okG = false, okB = false;
                const int r = m_x.attribute("r").toInt(&okR), g = m_x.attribute("g").toInt(&okG),
                          b = m_x.attribute("b").toInt(&okB);
                if (!okR || !okG || !okB || r < 0 || r > 255 || g < 0 || g > 255 || b < 0 ||
                    b > 255)
                    m_x.fail(QStringLiteral("expected viz:color r, g and b from 0 to 255"));
                double alpha = 1;
                if (m_x.hasAttribute("a"))
                    alpha = std::clamp(m_x.attribute("a").toDouble(), 0.0, 1.0);
                a.color = QColor(r, g, b, int(std::lround(alpha * 255)));
            } else if (n == QLatin1String("position")) {
                bool okX = false, okY = false;
                const double x = m_x.attribute("x").toDouble(&okX),
                             y = m_x.attribute("y").toDouble(&okY);
                if (!okX || !okY || !std::isfinite(x) || !std::isfinite(y))
                    m_x.fail(QStringLiteral("expected numbers for viz:position x and y"));
                a.pinnedX = x;
                a.pinnedY = y;
            }
        }
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
        const QString type = m_x.attribute("type");
        r.directed = type.isEmpty() ? m_defaultDirected : type == QLatin1String("directed");
        r.type = m_x.attribute("label");
        if (r.type.isEmpty())
            r.type = m_x.attribute("kind");
        if (m_x.hasAttribute("weight")) {
            bool ok = false;
            r.weight = m_x.attribute("weight").toDouble(&ok);
            if (!ok || !std::isfinite(r.weight))
                m_x.fail(QStringLiteral("edge \"%1\": expected a number for weight, found \"%2\"")
                             .arg(id, m_x.attribute("weight")));
        }
        QString spellStart = m_x.attribute("start"), spellEnd = m_x.attribute("end");
        QString edtf;
        const int depth = m_x.depth();
        while (m_x.next() && m_x.depth() >= depth) {
            if (!m_x.isStart())
                continue;
            const QStringView n = m_x.name();
            if (n == QLatin1String("attvalue")) {
                const QString title =
                    m_edgeTitles.value(m_x.attribute("for"), m_x.attribute("for"));
                const QString value = m_x.attribute("value");
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
            } else if (n == QLatin1String("spell") && spellStart.isEmpty() && spellEnd.isEmpty()) {
                spellStart = m_x.attribute("start");
                spellEnd = m_x.attribute("end");
                if (!m_timeIsDate && (!spellStart.isEmpty() || !spellEnd.isEmpty()))
                    m_x.fail(
                        QStringLiteral("edge \"%1\": spells in timeformat \"double\" or "
                                       "\"integer\" are not dates; expected timeformat=\"date\"")
                            .arg(id));
            }
        }
        QString why;
        if (!edtf.isEmpty()) {
            r.valid = PartialDate::fromEdtf(edtf, &why);
            if (!r.valid.isValid())
                m_x.fail(QStringLiteral("edge \"%1\": expected an EDTF date in \"date\": %2")
                             .arg(id, why));
        } else {
            r.valid = dateFromSpell(spellStart, spellEnd, why);
            if (!why.isEmpty())
                m_x.fail(QStringLiteral("edge \"%1\": expected ISO dates in the spell: %2")
                             .arg(id, why));
        }
        m_g.addRelation(r);
    }

    GuardedXml m_x;
    GraphBuilder m_g;
    QHash<QString, QString> m_nodeTitles, m_edgeTitles;
    QString m_class;
    bool m_defaultDirected = true;
    bool m_timeIsDate = true;
};

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
    w.writeAttribute(QStringLiteral("defaultedgetype"), QStringLiteral("directed"));
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
