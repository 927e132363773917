#include "formatregistry.h"
#include "graphcommon.h"
#include "graphformats.h"
#include "xmlguard.h"

#include "query/eventfilter.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <optional>

namespace chronomap {

namespace {

const QString kGexfNs = QStringLiteral("http://gexf.net/1.3");
const QString kVizNs = QStringLiteral("http://gexf.net/1.3/viz");
// Our own marks on GEXF elements, which other readers pass over: a date-typed attribute is
// declared type="string" (NetworkX refuses any other name for it) and chronomap:type="date".
const QString kChronomapNs = QStringLiteral("urn:chronomap:gexf");

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
// kValidityId is an actor's validity as EDTF text, written beside its spell (which holds only
// ISO days) so that "2020-05/2021" comes back as it was, as an edge's "date" does. Its
// declaration carries chronomap:field="valid": an attribute another program titled "valid"
// is only ever a custom attribute.
constexpr AttributeDecl kNodeAttributes[] = {{"kind", "string"},
                                             {"role", "string"},
                                             {"description", "string"},
                                             {"chronomap-valid", "string"}};
const QString kValidityId = QStringLiteral("chronomap-valid");
const QString kValidityField = QStringLiteral("valid");
constexpr AttributeDecl kEdgeAttributes[] = {
    {"type", "string"}, {"status", "string"}, {"description", "string"}, {"date", "string"}};

// Attributes of ours that GEXF keeps in viz: (size, edge thickness and shape, edge colour): the
// drawing a file brought, written back as it came.
const QString kVizSize = QStringLiteral("viz:size");
const QString kVizThickness = QStringLiteral("viz:thickness");
const QString kVizShape = QStringLiteral("viz:shape");
const QString kVizColor = QStringLiteral("viz:color");

// A GEXF time bound as an EDTF date, or nullopt when it is not a calendar date. Dates and
// date-times are taken as they are ("2012-01-12T15:00:00+03:00" keeps its day). Numbers in a
// graph whose timeformat is integer or double (GEXF's default) are abstract time steps, not
// years: nullopt. "Infinity" is an open bound.
std::optional<QString> timeBound(const QString& value, bool numeric)
{
    const QString v = value.trimmed();
    if (v.isEmpty() || v.compare(QLatin1String("infinity"), Qt::CaseInsensitive) == 0 ||
        v.compare(QLatin1String("-infinity"), Qt::CaseInsensitive) == 0)
        return QString();
    bool isNumber = false;
    v.toDouble(&isNumber);
    if (isNumber && numeric)
        return std::nullopt;
    // A date-time's zone ("+03:00", "Z") has no EDTF form: the local time is kept.
    static const QRegularExpression zone(QStringLiteral("T[0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})$"));
    if (const auto m = zone.match(v); m.hasMatch())
        return v.left(m.capturedStart(1));
    return v;
}

class GexfReader
{
public:
    GexfReader(const QByteArray& bytes, const QString& fileName)
        : m_x(bytes, fileName), m_g(QStringLiteral("gexf"))
    {}

    ImportBatch read()
    {
        if (!m_x.next() || !m_x.isStart() || m_x.name() != QLatin1String("gexf"))
            m_x.fail(QCoreApplication::translate(
                "chronomap::GexfReader", "expected a <gexf> document (is this a GEXF file?)"));
        // The <attribute> being read, for its <default>: only while it is open.
        int attributeDepth = -1;
        QList<Declared>* attributes = nullptr;
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
                const QString tf = m_x.attribute("timeformat").toLower();
                m_numericTime =
                    tf.isEmpty() || tf == QLatin1String("double") || tf == QLatin1String("integer");
            } else if (n == QLatin1String("attributes")) {
                m_class = m_x.attribute("class");
            } else if (n == QLatin1String("attribute")) {
                Declared a;
                a.id = m_x.attribute("id");
                a.title = m_x.attribute("title");
                a.type = m_x.attribute("type");
                // Our validity, by its mark; in files we wrote before the mark (no
                // declaration has it), by its id.
                a.marked = a.type == QLatin1String("string") &&
                           m_x.reader().attributes().value(kChronomapNs, QStringLiteral("field")) ==
                               kValidityField;
                a.legacy =
                    a.type == QLatin1String("string") && m_ours && a.id == QLatin1String("valid");
                m_anyMarked = m_anyMarked || a.marked;
                if (a.type == QLatin1String("string") &&
                    m_x.attribute("chronomap:type") == QLatin1String("date"))
                    a.type = QStringLiteral("date");
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
                readNode(QString());
            } else if (n == QLatin1String("edge")) {
                readEdge();
            } else if (n == QLatin1String("creator") && m_x.depth() == 3) {
                m_ours = m_x.elementText().trimmed() == QLatin1String("Chronomap");
            } else if (n == QLatin1String("title") && m_x.depth() == 3) {
                m_g.batch().title = m_x.elementText();
            } else if (n == QLatin1String("description") && m_x.depth() == 3) {
                m_g.batch().description = m_x.elementText();
            }
        }
        if (m_steps)
            m_g.batch().warnings << QCoreApplication::translate(
                "chronomap::GexfReader",
                "the graph's times are abstract steps (timeformat integer or double), not "
                "dates: kept as the \"spells\" attribute, not drawn on the timeline");
        return std::move(m_g.batch());
    }

private:
    struct Declared
    {
        QString id, title, type, byDefault;
        bool hasDefault = false;
        // Our actor's validity (kValidityId), not a custom attribute: see isValidity().
        bool marked = false, legacy = false;
    };
    bool isValidity(const Declared& d) const { return d.marked || (d.legacy && !m_anyMarked); }
    // One <attvalue>: its attribute, value and, when timed, its bounds.
    struct Value
    {
        const Declared* declared = nullptr;
        QString title, value, start, end;
        bool timed = false;
    };

    // The attribute a <attvalue for="..."> names: by id, else by title (older files).
    static const Declared* declared(const QList<Declared>& list, const QString& key)
    {
        for (const Declared& a : list)
            if (a.id == key)
                return &a;
        for (const Declared& a : list)
            if (a.title == key)
                return &a;
        return nullptr;
    }

    Value attvalue(const QList<Declared>& list) const
    {
        Value v;
        QString key = m_x.attribute("for");
        if (key.isEmpty())
            key = m_x.attribute("id"); // GEXF 1.0
        v.declared = declared(list, key);
        v.title = v.declared ? v.declared->title : key;
        v.value = m_x.attribute("value");
        if (m_x.hasAttribute("timestamp")) {
            v.start = v.end = m_x.attribute("timestamp");
            v.timed = true;
        } else if (m_x.hasAttribute("start") || m_x.hasAttribute("end")) {
            v.start = m_x.attribute("start");
            v.end = m_x.attribute("end");
            v.timed = true;
        }
        return v;
    }

    // A timed value's bound: a date as EDTF, an abstract step (timeformat integer or double)
    // as the number it is, never as a year; empty is open.
    QString bound(const QString& text) const
    {
        if (const auto date = timeBound(text, m_numericTime))
            return *date;
        return text.trimmed();
    }

    // The values of an element in file order with the declared defaults for what it does not
    // give, typed; timed values of one attribute become one timed text.
    QList<Attribute> typed(const QList<Value>& values, const QList<Declared>& list)
    {
        QList<Attribute> out;
        QSet<QString> given;
        QHash<QString, QList<const Value*>> timed;
        QStringList timedOrder;
        for (const Value& v : values) {
            if (v.timed) {
                if (!timed.contains(v.title))
                    timedOrder << v.title;
                timed[v.title].append(&v);
                continue;
            }
            std::optional<Attribute> a =
                typedAttribute(v.declared ? v.declared->type : QString(), v.value);
            if (!a) // a value that does not fit its declared type is kept as it was written
                a = Attribute{QString(), AttributeType::String, v.value};
            a->name = v.title;
            setAttribute(out, v.title, *a);
            given.insert(v.title);
        }
        // Timed values stay timed: each with its bounds, typed as declared (all as text when
        // one does not fit), beside the attribute's untimed value if it has one.
        for (const QString& title : timedOrder) {
            const QList<const Value*> spans = timed.value(title);
            const QString declaredType =
                spans.first()->declared ? spans.first()->declared->type : QString();
            Attribute a;
            if (const Attribute* plain = findAttribute(out, title))
                a = *plain;
            else
                a.type =
                    typedAttribute(declaredType, spans.first()->value).value_or(Attribute{}).type;
            a.name = title;
            bool fits = true;
            for (const Value* v : spans) {
                const auto typedValue = typedAttribute(declaredType, v->value);
                fits = fits && typedValue && typedValue->type == a.type;
                a.spells.append(AttributeSpell{fits ? typedValue->value : v->value, bound(v->start),
                                               bound(v->end)});
            }
            if (!fits) {
                a.type = AttributeType::String;
                for (qsizetype k = 0; k < spans.size(); ++k)
                    a.spells[k].value = spans.at(k)->value;
            }
            setAttribute(out, title, a);
            given.insert(title);
        }
        for (const Declared& d : list) {
            if (!d.hasDefault || isValidity(d) || given.contains(d.title))
                continue;
            // Defaults copied into every node are charged against the reader's budget.
            m_x.chargeDefault(d.title.size() + d.byDefault.size());
            std::optional<Attribute> a = typedAttribute(d.type, d.byDefault);
            if (!a)
                a = Attribute{QString(), AttributeType::String, d.byDefault};
            setAttribute(out, d.title, *a);
        }
        return out;
    }

    // viz:color as r/g/b(/a) or hex (GEXF 1.3).
    QColor vizColor() const
    {
        QColor c;
        if (m_x.hasAttribute("hex")) {
            const QString hex = m_x.attribute("hex").trimmed();
            c = QColor::fromString(hex);
            // Eight digits are #rrggbbaa, as CSS and the web tools that write it (Gephi Lite)
            // mean them, not Qt's #aarrggbb.
            if (c.isValid() && hex.size() == 9)
                c = QColor(c.alpha(), c.red(), c.green(), c.blue());
            if (!c.isValid())
                m_x.fail(QCoreApplication::translate("chronomap::GexfReader",
                                                     "expected viz:color hex as #rrggbb, found "
                                                     "\"%1\"")
                             .arg(m_x.attribute("hex")));
        } else {
            bool okR = false, okG = false, okB = false;
            const int r = m_x.attribute("r").toInt(&okR), g = m_x.attribute("g").toInt(&okG),
                      b = m_x.attribute("b").toInt(&okB);
            if (!okR || !okG || !okB || r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255)
                m_x.fail(QCoreApplication::translate(
                    "chronomap::GexfReader", "expected viz:color r, g and b from 0 to 255"));
            c = QColor(r, g, b);
        }
        if (m_x.hasAttribute("a"))
            c.setAlpha(int(std::lround(std::clamp(m_x.attribute("a").toDouble(), 0.0, 1.0) * 255)));
        return c;
    }

    // A spell or timestamp of a node or edge: as a date, or as abstract steps.
    void spell(const QString& start, const QString& end, QString& dateStart, QString& dateEnd,
               QStringList& steps, bool& haveDate)
    {
        const auto s = timeBound(start, m_numericTime), e = timeBound(end, m_numericTime);
        if (s && e && !haveDate) {
            dateStart = *s;
            dateEnd = *e;
            haveDate = true;
        } else {
            if (!s || !e)
                m_steps = true;
            steps << u'[' + (start.isEmpty() ? QStringLiteral("-Infinity") : start) +
                         QStringLiteral(", ") + (end.isEmpty() ? QStringLiteral("Infinity") : end) +
                         u']';
        }
    }

    // A node's or an edge's own times: start/end or timestamp, or GEXF 1.3's lists
    // intervals="<[2010, 2012]; [2014, 2015]>" and timestamps="<[2010-01-01, 2010-02-01]>",
    // each a spell.
    void elementTimes(QString& dateStart, QString& dateEnd, QStringList& steps, bool& haveDate)
    {
        if (m_x.hasAttribute("timestamp")) {
            spell(m_x.attribute("timestamp"), m_x.attribute("timestamp"), dateStart, dateEnd, steps,
                  haveDate);
        } else if (m_x.hasAttribute("start") || m_x.hasAttribute("end")) {
            spell(m_x.attribute("start"), m_x.attribute("end"), dateStart, dateEnd, steps,
                  haveDate);
        } else if (m_x.hasAttribute("intervals") || m_x.hasAttribute("timestamps")) {
            const bool intervals = m_x.hasAttribute("intervals");
            QString list = m_x.attribute(intervals ? "intervals" : "timestamps").trimmed();
            list.remove(u'<').remove(u'>');
            for (QString group : list.split(u';', Qt::SkipEmptyParts)) {
                group = group.trimmed();
                group.remove(u'[').remove(u']');
                const QStringList items = group.split(u',');
                if (intervals && items.size() != 2)
                    m_x.fail(QCoreApplication::translate(
                                 "chronomap::GexfReader",
                                 "expected intervals as <[start, end]; [start, end]>, found "
                                 "\"%1\"")
                                 .arg(m_x.attribute("intervals")));
                if (intervals)
                    spell(items.at(0).trimmed(), items.at(1).trimmed(), dateStart, dateEnd, steps,
                          haveDate);
                else
                    for (const QString& t : items)
                        if (!t.trimmed().isEmpty())
                            spell(t.trimmed(), t.trimmed(), dateStart, dateEnd, steps, haveDate);
            }
        }
    }

    void readNode(const QString& parent)
    {
        const QString id = m_x.attribute("id");
        if (id.isEmpty())
            m_x.fail(
                QCoreApplication::translate("chronomap::GexfReader", "expected an id on <node>"));
        Actor a;
        a.kindKnown = false;
        a.name = m_x.attribute("label").trimmed();
        if (a.name.isEmpty())
            a.name = id;
        QString dateStart, dateEnd;
        QStringList steps;
        bool haveDate = false;
        elementTimes(dateStart, dateEnd, steps, haveDate);
        const QString pid = m_x.attribute("pid");
        const qint64 line = m_x.reader().lineNumber(), column = m_x.reader().columnNumber();
        const int depth = m_x.depth();
        QList<Value> values;
        std::optional<double> size;
        // Nested nodes (a hierarchy) are added after this one, so the parent comes first.
        bool added = false;
        QString validText;
        auto add = [&] {
            if (added)
                return;
            added = true;
            for (Attribute& v : typed(values, m_nodeAttributes)) {
                const QString t = v.name.toLower();
                if (v.isTimed()) { // a field holds one value: timed ones stay an attribute
                    a.attributes.append(v);
                } else if (t == QLatin1String("kind") && actorKindFromName(v.value.toLower())) {
                    a.kind = *actorKindFromName(v.value.toLower());
                    a.kindKnown = true;
                } else if (t == QLatin1String("role") && v.type == AttributeType::String) {
                    a.role = v.value;
                } else if (t == QLatin1String("description") && v.type == AttributeType::String) {
                    a.description = v.value;
                } else {
                    a.attributes.append(v);
                }
            }
            if (size)
                setAttribute(
                    a.attributes, kVizSize,
                    Attribute{kVizSize, AttributeType::Double,
                              QString::number(*size, 'g', QLocale::FloatingPointShortest)});
            // The validity has the name "valid" (actorValidity): another program's attribute
            // of that name is kept beside it under a name of its own, said in the summary.
            for (Attribute& other : a.attributes) {
                if (other.name != QLatin1String("valid") ||
                    (validText.isEmpty() && !haveDate && other.type != AttributeType::Date))
                    continue;
                other.name = QStringLiteral("valid (file)");
                if (!m_renamedValid)
                    m_g.batch().warnings << QCoreApplication::translate(
                                                "chronomap::GexfReader",
                                                "node \"%1\": the attribute \"valid\" is kept as "
                                                "\"valid (file)\"; an actor's validity comes from "
                                                "its spells")
                                                .arg(id);
                m_renamedValid = true;
            }
            if (!validText.isEmpty()) {
                setAttribute(a.attributes, QStringLiteral("valid"),
                             Attribute{QStringLiteral("valid"), AttributeType::Date,
                                       PartialDate::fromEdtf(validText).edtf()});
            } else if (haveDate) {
                QString why;
                const PartialDate valid = dateFromSpell(dateStart, dateEnd, why);
                if (!valid.isValid())
                    m_x.failAt(line, column,
                               QCoreApplication::translate(
                                   "chronomap::GexfReader",
                                   "node \"%1\": expected ISO dates in the spell: %2")
                                   .arg(id, why));
                setAttribute(a.attributes, QStringLiteral("valid"),
                             Attribute{QStringLiteral("valid"), AttributeType::Date, valid.edtf()});
            }
            if (!steps.isEmpty())
                setAttribute(a.attributes, QStringLiteral("spells"),
                             Attribute{QStringLiteral("spells"), AttributeType::String,
                                       steps.join(QStringLiteral("; "))});
            const QString group = !parent.isEmpty() ? parent : pid;
            if (!group.isEmpty())
                setAttribute(a.attributes, QStringLiteral("parent"),
                             Attribute{QStringLiteral("parent"), AttributeType::String, group});
            if (!m_g.addNode(id, a))
                m_x.failAt(line, column,
                           QCoreApplication::translate("chronomap::GexfReader",
                                                       "the node id \"%1\" is used twice")
                               .arg(id));
        };
        while (m_x.next() && m_x.depth() >= depth) {
            if (!m_x.isStart())
                continue;
            const QStringView n = m_x.name();
            if (n == QLatin1String("node")) {
                // A hierarchy (GEXF <nodes> inside a node): its nodes are actors too, grouped
                // under this one.
                add();
                readNode(id);
            } else if (n == QLatin1String("attvalue")) {
                const Value v = attvalue(m_nodeAttributes);
                // Our own export's exact validity; it wins over the spell's ISO days.
                if (v.declared && isValidity(*v.declared) && !v.timed &&
                    PartialDate::fromEdtf(v.value).isValid())
                    validText = v.value;
                else
                    values.append(v);
            } else if (n == QLatin1String("spell")) {
                spell(m_x.hasAttribute("timestamp") ? m_x.attribute("timestamp")
                                                    : m_x.attribute("start"),
                      m_x.hasAttribute("timestamp") ? m_x.attribute("timestamp")
                                                    : m_x.attribute("end"),
                      dateStart, dateEnd, steps, haveDate);
            } else if (n == QLatin1String("color")) {
                a.color = vizColor();
            } else if (n == QLatin1String("size")) {
                bool ok = false;
                const double v = m_x.attribute("value").toDouble(&ok);
                if (ok && std::isfinite(v))
                    size = v;
            } else if (n == QLatin1String("position")) {
                bool okX = false, okY = false;
                const double x = m_x.attribute("x").toDouble(&okX),
                             y = m_x.attribute("y").toDouble(&okY);
                if (!okX || !okY || !std::isfinite(x) || !std::isfinite(y))
                    m_x.fail(QCoreApplication::translate(
                        "chronomap::GexfReader", "expected numbers for viz:position x and y"));
                // The file's layout, where the map starts: not a pin the user set.
                setFilePosition(a, QPointF(x, y));
            }
        }
        add();
    }

    void readEdge()
    {
        const QString id = m_x.attribute("id");
        const QString name = edgeName(id, m_x.attribute("source"), m_x.attribute("target"));
        Relation r;
        for (const char* end : {"source", "target"}) {
            const QString node = m_x.attribute(end);
            if (!m_g.hasNode(node))
                m_x.fail(QCoreApplication::translate(
                             "chronomap::GexfReader",
                             "edge \"%1\": expected the %2 to be the id of a node "
                             "declared before, found \"%3\"")
                             .arg(name, QLatin1String(end), node));
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
                             .arg(name, m_x.attribute("weight")));
        }
        QString dateStart, dateEnd;
        QStringList steps;
        bool haveDate = false;
        elementTimes(dateStart, dateEnd, steps, haveDate);
        const qint64 line = m_x.reader().lineNumber(), column = m_x.reader().columnNumber();
        QList<Value> values;
        const int depth = m_x.depth();
        while (m_x.next() && m_x.depth() >= depth) {
            if (!m_x.isStart())
                continue;
            const QStringView n = m_x.name();
            if (n == QLatin1String("attvalue")) {
                values.append(attvalue(m_edgeAttributes));
            } else if (n == QLatin1String("spell")) {
                spell(m_x.hasAttribute("timestamp") ? m_x.attribute("timestamp")
                                                    : m_x.attribute("start"),
                      m_x.hasAttribute("timestamp") ? m_x.attribute("timestamp")
                                                    : m_x.attribute("end"),
                      dateStart, dateEnd, steps, haveDate);
            } else if (n == QLatin1String("color")) {
                const QColor c = vizColor();
                setAttribute(
                    r.attributes, kVizColor,
                    Attribute{kVizColor, AttributeType::String,
                              c.name(c.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb)});
            } else if (n == QLatin1String("thickness")) {
                bool ok = false;
                const double v = m_x.attribute("value").toDouble(&ok);
                if (ok && std::isfinite(v))
                    setAttribute(
                        r.attributes, kVizThickness,
                        Attribute{kVizThickness, AttributeType::Double,
                                  QString::number(v, 'g', QLocale::FloatingPointShortest)});
            } else if (n == QLatin1String("shape")) {
                setAttribute(r.attributes, kVizShape,
                             Attribute{kVizShape, AttributeType::String, m_x.attribute("value")});
            }
        }
        QString edtf;
        for (const Attribute& v : typed(values, m_edgeAttributes)) {
            if (v.isTimed()) // a field holds one value: timed ones stay an attribute
                setAttribute(r.attributes, v.name, v);
            else if (v.name == QLatin1String("type") && v.type == AttributeType::String)
                r.type = v.value;
            else if (v.name == QLatin1String("status") && verificationFromName(v.value))
                r.status = *verificationFromName(v.value);
            else if (v.name == QLatin1String("description") && v.type == AttributeType::String)
                r.description = v.value;
            else if (v.name == QLatin1String("date") && v.type == AttributeType::String)
                edtf = v.value;
            else
                setAttribute(r.attributes, v.name, v);
        }
        QString why;
        if (!edtf.isEmpty()) {
            r.valid = PartialDate::fromEdtf(edtf, &why);
            if (!r.valid.isValid())
                m_x.failAt(line, column,
                           QCoreApplication::translate(
                               "chronomap::GexfReader",
                               "edge \"%1\": expected an EDTF date in \"date\": %2")
                               .arg(name, why));
        } else if (haveDate) {
            r.valid = dateFromSpell(dateStart, dateEnd, why);
            if (!why.isEmpty())
                m_x.failAt(
                    line, column,
                    QCoreApplication::translate("chronomap::GexfReader",
                                                "edge \"%1\": expected ISO dates in the spell: %2")
                        .arg(name, why));
        }
        if (!steps.isEmpty())
            setAttribute(r.attributes, QStringLiteral("spells"),
                         Attribute{QStringLiteral("spells"), AttributeType::String,
                                   steps.join(QStringLiteral("; "))});
        m_g.addRelation(r, id);
    }

    GuardedXml m_x;
    GraphBuilder m_g;
    QList<Declared> m_nodeAttributes, m_edgeAttributes;
    QString m_class;
    bool m_defaultDirected = false;
    bool m_numericTime = true;
    bool m_steps = false;
    bool m_ours = false; // <meta><creator>Chronomap</creator>: a file we wrote
    bool m_anyMarked = false;
    bool m_renamedValid = false;
};

bool allUndirected(const QList<Relation>& relations)
{
    return !relations.isEmpty() && std::none_of(relations.cbegin(), relations.cend(),
                                                [](const Relation& r) { return r.directed; });
}

// Our fields' attributes, then the story's custom untimed ones (viz: drawing excluded), with
// their types; with `dynamic`, the timed ones instead.
QList<std::pair<QString, QString>> declarations(const auto& fixed, const auto& entries,
                                                const QSet<QString>& timed, bool dynamic = false)
{
    QList<std::pair<QString, QString>> out;
    if (!dynamic)
        for (const AttributeDecl& d : fixed)
            out.append({QLatin1String(d.id), QLatin1String(d.type)});
    for (const auto& [name, type] : attributeColumns(entries)) {
        if (name.startsWith(QLatin1String("viz:")) || timed.contains(name) != dynamic)
            continue;
        bool ours = false;
        for (const auto& [id, t] : out)
            ours = ours || id == name;
        if (!ours)
            out.append({name, gexfTypeName(type)});
    }
    return out;
}

void declare(QXmlStreamWriter& w, const char* cls, const QList<std::pair<QString, QString>>& decls,
             bool dynamic = false)
{
    if (dynamic && decls.isEmpty())
        return;
    w.writeStartElement(QStringLiteral("attributes"));
    w.writeAttribute(QStringLiteral("class"), QLatin1String(cls));
    w.writeAttribute(QStringLiteral("mode"),
                     dynamic ? QStringLiteral("dynamic") : QStringLiteral("static"));
    for (const auto& [id, type] : decls) {
        w.writeEmptyElement(QStringLiteral("attribute"));
        w.writeAttribute(QStringLiteral("id"), id);
        const bool validity = id == kValidityId;
        w.writeAttribute(QStringLiteral("title"), validity ? kValidityField : id);
        if (validity) {
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("string"));
            w.writeAttribute(kChronomapNs, QStringLiteral("field"), kValidityField);
        } else if (type == QLatin1String("date")) {
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("string"));
            w.writeAttribute(kChronomapNs, QStringLiteral("type"), type);
        } else {
            w.writeAttribute(QStringLiteral("type"), type);
        }
    }
    w.writeEndElement();
}

void attvalue(QXmlStreamWriter& w, const QString& key, const QString& value)
{
    if (value.isEmpty())
        return;
    w.writeEmptyElement(QStringLiteral("attvalue"));
    w.writeAttribute(QStringLiteral("for"), key);
    w.writeAttribute(QStringLiteral("value"), value);
}

// A custom attribute's value as GEXF writes its type (lists as "a|b|c").
void customValues(QXmlStreamWriter& w, const Attributes& attributes,
                  const QList<std::pair<QString, QString>>& decls, bool stepTime)
{
    for (const Attribute& a : attributes) {
        if (a.name.startsWith(QLatin1String("viz:")))
            continue;
        bool declared = false;
        for (const auto& [id, type] : decls)
            declared = declared || id == a.name;
        if (!declared)
            continue;
        attvalue(w, a.name, a.value);
        // Timed values as GEXF has them: one <attvalue> each, with its bounds. In a graph of
        // abstract steps an open bound is written as infinity (NetworkX reads every bound as
        // a number); in one of dates it is left out.
        for (const AttributeSpell& spell : a.spells) {
            w.writeEmptyElement(QStringLiteral("attvalue"));
            w.writeAttribute(QStringLiteral("for"), a.name);
            w.writeAttribute(QStringLiteral("value"), spell.value);
            if (!spell.start.isEmpty() || stepTime)
                w.writeAttribute(QStringLiteral("start"),
                                 spell.start.isEmpty() ? QStringLiteral("-Infinity") : spell.start);
            if (!spell.end.isEmpty() || stepTime)
                w.writeAttribute(QStringLiteral("end"),
                                 spell.end.isEmpty() ? QStringLiteral("Infinity") : spell.end);
        }
    }
}

// The time format a graph's timed attribute values need: abstract steps ("double") when every
// bound is a number and nothing else in the graph is dated, else dates.
template <typename T> void noteBounds(const QList<T>& entries, bool& anyStep, bool& anyDate)
{
    for (const T& e : entries)
        for (const Attribute& a : e.attributes)
            for (const AttributeSpell& spell : a.spells)
                for (const QString& b : {spell.start, spell.end}) {
                    if (b.isEmpty())
                        continue;
                    bool number = false;
                    b.toDouble(&number);
                    (number ? anyStep : anyDate) = true;
                }
}

// A validity as one GEXF spell (ISO days; an open bound is left out, as GEXF reads it), so
// that Gephi's timeline and NetworkX's "spells" see when an actor or relation holds.
void spells(QXmlStreamWriter& w, const PartialDate& valid)
{
    if (!valid.isValid())
        return;
    const QString s = spellStart(valid), e = spellEnd(valid);
    if (s.isEmpty() && e.isEmpty())
        return;
    w.writeStartElement(QStringLiteral("spells"));
    w.writeEmptyElement(QStringLiteral("spell"));
    if (!s.isEmpty())
        w.writeAttribute(QStringLiteral("start"), s);
    if (!e.isEmpty())
        w.writeAttribute(QStringLiteral("end"), e);
    w.writeEndElement();
}

void vizColor(QXmlStreamWriter& w, const QColor& c)
{
    w.writeEmptyElement(kVizNs, QStringLiteral("color"));
    w.writeAttribute(QStringLiteral("r"), QString::number(c.red()));
    w.writeAttribute(QStringLiteral("g"), QString::number(c.green()));
    w.writeAttribute(QStringLiteral("b"), QString::number(c.blue()));
    if (c.alpha() != 255)
        w.writeAttribute(QStringLiteral("a"), number(c.alphaF()));
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
    bool dynamic = false;
    for (const Relation& r : relations)
        dynamic = dynamic || r.valid.isValid();
    for (const Actor& a : actors)
        dynamic = dynamic || actorValidity(a).isValid();
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeNamespace(kVizNs, QStringLiteral("viz"));
    w.writeNamespace(kChronomapNs, QStringLiteral("chronomap"));
    w.writeDefaultNamespace(kGexfNs);
    w.writeStartElement(kGexfNs, QStringLiteral("gexf"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.3"));
    w.writeStartElement(QStringLiteral("meta"));
    w.writeTextElement(QStringLiteral("creator"), QStringLiteral("Chronomap"));
    w.writeTextElement(QStringLiteral("title"), store.meta(QStringLiteral("title")));
    w.writeTextElement(QStringLiteral("description"), store.meta(QStringLiteral("description")));
    w.writeEndElement();

    w.writeStartElement(QStringLiteral("graph"));
    // NetworkX takes the default for the whole graph and refuses an edge whose own type
    // contradicts it. A story whose relations all lack a direction is an undirected graph; any
    // other is a directed one whose undirected relations are "mutual" (GEXF 1.3: both ways),
    // which NetworkX reads as a pair of arcs, Gephi and Chronomap as one undirected edge.
    const bool undirectedGraph = allUndirected(relations);
    w.writeAttribute(QStringLiteral("defaultedgetype"),
                     undirectedGraph ? QStringLiteral("undirected") : QStringLiteral("directed"));
    bool anyStep = false, anyDate = dynamic;
    noteBounds(actors, anyStep, anyDate);
    noteBounds(relations, anyStep, anyDate);
    const bool stepTime = anyStep && !anyDate;
    dynamic = dynamic || anyStep || anyDate;
    w.writeAttribute(QStringLiteral("mode"),
                     dynamic ? QStringLiteral("dynamic") : QStringLiteral("static"));
    if (dynamic)
        w.writeAttribute(QStringLiteral("timeformat"),
                         stepTime ? QStringLiteral("double") : QStringLiteral("date"));
    const QSet<QString> timedNodes = timedNames(actors), timedEdges = timedNames(relations);
    // An actor's validity goes out as kValidityId, not as a custom attribute.
    QList<Actor> customActors = actors;
    for (Actor& a : customActors)
        if (actorValidity(a).isValid())
            a.attributes.removeIf(
                [](const Attribute& x) { return x.name == QLatin1String("valid"); });
    auto nodeDecls = declarations(kNodeAttributes, customActors, timedNodes);
    auto edgeDecls = declarations(kEdgeAttributes, relations, timedEdges);
    const auto timedNodeDecls = declarations(kNodeAttributes, customActors, timedNodes, true);
    const auto timedEdgeDecls = declarations(kEdgeAttributes, relations, timedEdges, true);
    declare(w, "node", nodeDecls);
    declare(w, "node", timedNodeDecls, true);
    declare(w, "edge", edgeDecls);
    declare(w, "edge", timedEdgeDecls, true);
    nodeDecls += timedNodeDecls;
    edgeDecls += timedEdgeDecls;

    w.writeStartElement(QStringLiteral("nodes"));
    qsizetype index = 0;
    for (const Actor& a : actors) {
        const Attributes& custom = customActors.at(index++).attributes;
        w.writeStartElement(QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("id"), nodeIdOf(a.id));
        w.writeAttribute(QStringLiteral("label"), a.name);
        w.writeStartElement(QStringLiteral("attvalues"));
        // An actor whose kind no one gave has none in the file: nothing is invented.
        if (a.kindKnown)
            attvalue(w, QStringLiteral("kind"), actorKindName(a.kind));
        attvalue(w, QStringLiteral("role"), a.role);
        attvalue(w, QStringLiteral("description"), a.description);
        const PartialDate validity = actorValidity(a);
        if (validity.isValid())
            attvalue(w, kValidityId, validity.edtf());
        customValues(w, custom, nodeDecls, stepTime);
        w.writeEndElement();
        spells(w, actorValidity(a));
        if (a.color.isValid())
            vizColor(w, a.color);
        // The size the file brought, and none where none was given: a size computed here
        // would come back as the actor's own (Gephi sizes by degree in one step).
        if (const Attribute* size = findAttribute(a.attributes, kVizSize)) {
            w.writeEmptyElement(kVizNs, QStringLiteral("size"));
            w.writeAttribute(QStringLiteral("value"), size->value);
        }
        // Where the user pinned it, else where the file it came from placed it.
        const std::optional<QPointF> at = mapPlace(a);
        if (at) {
            w.writeEmptyElement(kVizNs, QStringLiteral("position"));
            w.writeAttribute(QStringLiteral("x"), number(at->x()));
            w.writeAttribute(QStringLiteral("y"), number(at->y()));
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
        w.writeAttribute(QStringLiteral("type"), r.directed        ? QStringLiteral("directed")
                                                 : undirectedGraph ? QStringLiteral("undirected")
                                                                   : QStringLiteral("mutual"));
        w.writeAttribute(QStringLiteral("label"), r.type);
        w.writeAttribute(QStringLiteral("weight"), number(r.weight));
        w.writeStartElement(QStringLiteral("attvalues"));
        attvalue(w, QStringLiteral("type"), r.type);
        attvalue(w, QStringLiteral("status"), verificationName(r.status));
        attvalue(w, QStringLiteral("description"), r.description);
        attvalue(w, QStringLiteral("date"), r.valid.isValid() ? r.valid.edtf() : QString());
        customValues(w, r.attributes, edgeDecls, stepTime);
        w.writeEndElement();
        spells(w, r.valid);
        if (const Attribute* c = findAttribute(r.attributes, kVizColor))
            if (const QColor color = QColor::fromString(c->value); color.isValid())
                vizColor(w, color);
        if (const Attribute* t = findAttribute(r.attributes, kVizThickness)) {
            w.writeEmptyElement(kVizNs, QStringLiteral("thickness"));
            w.writeAttribute(QStringLiteral("value"), t->value);
        }
        if (const Attribute* sh = findAttribute(r.attributes, kVizShape)) {
            w.writeEmptyElement(kVizNs, QStringLiteral("shape"));
            w.writeAttribute(QStringLiteral("value"), sh->value);
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

namespace chronomap {

FileFormat gexfFileFormat()
{
    FileFormat f;
    f.name = QStringLiteral("gexf");
    f.origin = QStringLiteral("gexf");
    f.label = QT_TRANSLATE_NOOP("chronomap::FileFormat", "GEXF (Gephi)");
    f.suffixes = {QStringLiteral("gexf")};
    f.sniff = [](const QByteArray& head) { return head.contains("<gexf"); };
    f.read = readGexf;
    f.write = writeGexf;
    return f;
}

} // namespace chronomap
