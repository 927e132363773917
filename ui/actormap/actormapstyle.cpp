// ActorMapChart's choice of what sizes and colours the actors: centralities, communities,
// kinds and the custom attributes a file brought (Gephi's "Modularity Class", "degree"), and
// the story's memory of that choice.
#include "actormapchart.h"

#include "actormaplayer.h"
#include "mapdrawing.h"
#include "story/story.h"

#include <QCollator>
#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>
#include <limits>

namespace chronomap {

namespace {

const QString kSizeMeta = QStringLiteral("map.sizeBy");
const QString kColourMeta = QStringLiteral("map.colourBy");
// A colour attribute with more values than this is drawn as a ramp when it is a number, and
// its rarer values grey ("other") when it is not.
constexpr int kMaxCategories = 12;

// The k-th category's colour: the theme's palette without its greys (grey is "no value"),
// then those colours again, darker.
QColor categoryColour(const ChartTheme& theme, int k)
{
    QList<QColor> hues;
    for (const QColor& c : theme.communities)
        if (c.hsvSaturation() > 40)
            hues << c;
    if (hues.isEmpty())
        return theme.communityColor(k);
    const QColor c = hues[k % hues.size()];
    return k < hues.size() ? c : mapdraw::mix(c, theme.text, 0.45);
}

bool drawable(const Attribute& a)
{
    // Kept for the file's sake, not the picture's.
    return !a.name.startsWith(QLatin1String("viz:")) && a.name != QLatin1String("spells") &&
           a.name != QLatin1String("valid") && a.name != QLatin1String("parent");
}

} // namespace

QString ActorMapChart::attributeKey(const QString& name)
{
    return QStringLiteral("attribute:") + name;
}

QList<ActorMapChart::StyleOption> ActorMapChart::sizeOptions() const
{
    QList<StyleOption> out = {{QStringLiteral("degree"), tr("Degree")},
                              {QStringLiteral("betweenness"), tr("Betweenness")},
                              {QStringLiteral("pagerank"), tr("PageRank")}};
    QStringList names;
    for (const Actor& a : m_actors)
        for (const Attribute& v : a.attributes)
            if ((v.type == AttributeType::Integer || v.type == AttributeType::Double) &&
                drawable(v) && !names.contains(v.name))
                names << v.name;
    QCollator collator;
    std::sort(names.begin(), names.end(), collator);
    for (const QString& name : names)
        out.append({attributeKey(name), name});
    return out;
}

QList<ActorMapChart::StyleOption> ActorMapChart::colourOptions() const
{
    QList<StyleOption> out = {{QStringLiteral("kind"), tr("Kind")},
                              {QStringLiteral("community"), tr("Community")}};
    QStringList names;
    for (const Actor& a : m_actors)
        for (const Attribute& v : a.attributes)
            if (v.type != AttributeType::Date && v.type != AttributeType::List && drawable(v) &&
                !names.contains(v.name))
                names << v.name;
    QCollator collator;
    std::sort(names.begin(), names.end(), collator);
    for (const QString& name : names)
        out.append({attributeKey(name), name});
    return out;
}

void ActorMapChart::setSizeKey(const QString& key)
{
    m_sizeKey = key.isEmpty() ? QStringLiteral("degree") : key;
    updateAttributeStyle();
    restyle();
    replot();
}

void ActorMapChart::setColourKey(const QString& key)
{
    m_colourKey = key.isEmpty() ? QStringLiteral("kind") : key;
    updateAttributeStyle();
    restyle();
    replot();
}

void ActorMapChart::rememberStyle()
{
    Store& store = m_story->store();
    try {
        if (store.meta(kSizeMeta) != m_sizeKey)
            store.setMeta(kSizeMeta, m_sizeKey);
        if (store.meta(kColourMeta) != m_colourKey)
            store.setMeta(kColourMeta, m_colourKey);
    } catch (const StoreError&) {
        // A read-only story: the choice holds for this window only.
    }
}

void ActorMapChart::readRememberedStyle()
{
    const Store& store = m_story->store();
    const QString size = store.meta(kSizeMeta), colour = store.meta(kColourMeta);
    m_sizeKey = size.isEmpty() ? QStringLiteral("degree") : size;
    m_colourKey = colour.isEmpty() ? QStringLiteral("kind") : colour;
}

void ActorMapChart::updateAttributeStyle()
{
    const QString prefix = attributeKey({});
    const std::size_t n = std::size_t(m_actors.size());
    m_sizeValues.clear();
    m_colours.clear();
    m_colourKeyEntries.clear();

    if (m_sizeKey.startsWith(prefix)) {
        const QString name = m_sizeKey.mid(prefix.size());
        m_sizeValues.assign(n, std::numeric_limits<double>::quiet_NaN());
        for (std::size_t i = 0; i < n; ++i)
            if (const Attribute* a = findAttribute(m_actors[qsizetype(i)].attributes, name))
                if (const auto v = a->number(); v && std::isfinite(*v))
                    m_sizeValues[i] = *v;
    }

    if (!m_colourKey.startsWith(prefix))
        return;
    const QString name = m_colourKey.mid(prefix.size());
    const ChartTheme& theme = m_layer->theme();
    const QColor none = mapdraw::mix(theme.edge, theme.background, 0.35);
    m_colours.assign(n, none);
    // The values and how many actors carry each.
    QHash<QString, int> counts;
    std::vector<const Attribute*> values(n, nullptr);
    bool numeric = true;
    for (std::size_t i = 0; i < n; ++i) {
        const Attribute* a = findAttribute(m_actors[qsizetype(i)].attributes, name);
        if (!a || a->value.isEmpty())
            continue;
        values[i] = a;
        ++counts[a->value];
        numeric = numeric && a->number().has_value();
    }
    if (counts.isEmpty())
        return;
    if (numeric && counts.size() > kMaxCategories) {
        // A measure (a Gephi centrality, say): a ramp from light to dark, the ends in the key.
        double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
        for (const Attribute* a : values)
            if (a) {
                lo = std::min(lo, *a->number());
                hi = std::max(hi, *a->number());
            }
        const QColor dark = theme.communityColor(0);
        const QColor light = mapdraw::mix(dark, theme.background, 0.8);
        auto ramp = [&](double v) {
            const double t = hi > lo ? (v - lo) / (hi - lo) : 1.0;
            return mapdraw::mix(light, dark, t);
        };
        for (std::size_t i = 0; i < n; ++i)
            if (values[i])
                m_colours[i] = ramp(*values[i]->number());
        m_colourKeyEntries = {{QString::number(lo, 'g', 4), ramp(lo)},
                              {QString::number(hi, 'g', 4), ramp(hi)}};
        return;
    }
    // Categories, the most common first (numbers in their order when there are few).
    QStringList order = counts.keys();
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(order.begin(), order.end(), [&](const QString& a, const QString& b) {
        if (numeric && counts.size() <= kMaxCategories)
            return collator.compare(a, b) < 0;
        if (counts.value(a) != counts.value(b))
            return counts.value(a) > counts.value(b);
        return collator.compare(a, b) < 0;
    });
    const int coloured = int(std::min<qsizetype>(order.size(), kMaxCategories));
    QHash<QString, QColor> colourOf;
    for (int k = 0; k < coloured; ++k) {
        colourOf.insert(order[k], categoryColour(theme, k));
        m_colourKeyEntries.emplace_back(order[k], categoryColour(theme, k));
    }
    if (order.size() > coloured)
        m_colourKeyEntries.emplace_back(
            tr("other (%n values)", nullptr, int(order.size()) - coloured), none);
    for (std::size_t i = 0; i < n; ++i)
        if (values[i])
            m_colours[i] = colourOf.value(values[i]->value, none);
}

} // namespace chronomap
