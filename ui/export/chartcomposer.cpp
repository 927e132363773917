#include "chartcomposer.h"

#include "geometryclip.h"

#include "actormap/actormapchart.h"
#include "actormap/actormaplayer.h"
#include "story/story.h"
#include "timeline/timelinechart.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPaintDevice>
#include <QRegularExpression>
#include <QTextLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {

constexpr int kMaxSourceLines = 2;

QFont scaledFont(double pixels, const ChartTheme& theme, bool bold = false, bool italic = false)
{
    QFont f;
    f.setPixelSize(std::max(6, int(std::lround(pixels * theme.fontScale))));
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

// Splits `text` into lines no wider than `width` (at most `maxLines`; the last one elided).
QStringList wrap(const QString& text, const QFont& font, double width, int maxLines)
{
    QStringList lines;
    if (text.trimmed().isEmpty() || width <= 0)
        return lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    if (lines.size() > maxLines) {
        QStringList kept = lines.mid(0, maxLines);
        const QString rest = QStringList(lines.mid(maxLines - 1)).join(QLatin1Char(' '));
        kept.last() = QFontMetricsF(font).elidedText(rest, Qt::ElideRight, width);
        return kept;
    }
    return lines;
}

// A block of wrapped text: its lines, font and colour, and its height.
struct TextBlock
{
    QStringList lines;
    QFont font;
    QColor color;
    double lineHeight = 0;
    double height() const { return lines.size() * lineHeight; }
};

// A block of text wrapped to `width`, its lines kept in `cache` (by font, width, lines and
// text): a composer paints many times at one size (the dialog's preview, the file), and each
// wrap lays the text out again.
TextBlock block(QHash<QString, QStringList>& cache, const QString& text, const QFont& font,
                const QColor& color, double width, int maxLines)
{
    const QString key = font.key() + u'|' + QString::number(width, 'g', 17) + u'|' +
                        QString::number(maxLines) + u'|' + text;
    auto it = cache.constFind(key);
    if (it == cache.cend()) {
        if (cache.size() > 64)
            cache.clear();
        it = cache.insert(key, wrap(text, font, width, maxLines));
    }
    return TextBlock{*it, font, color, QFontMetricsF(font).lineSpacing()};
}

double drawBlock(QPainter& painter, const TextBlock& b, double x, double y, double width)
{
    painter.setFont(b.font);
    painter.setPen(b.color);
    for (const QString& line : b.lines) {
        painter.drawText(QRectF(x, y, width, b.lineHeight), Qt::AlignLeft | Qt::AlignVCenter, line);
        y += b.lineHeight;
    }
    return y;
}

// "1 event", "12 events".
QString count(int n, const QString& one, const QString& many)
{
    return QStringLiteral("%L1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace

ChartComposer::ChartComposer(Story& story, const ExportRequest& request)
    : m_story(story), m_request(request)
{
    const bool timeline = request.view == QLatin1String("timeline");
    const bool actors = request.view == QLatin1String("actors");
    const bool both = request.view == QLatin1String("both");
    if (!timeline && !actors && !both)
        throw StoreError(QStringLiteral("unknown view \"%1\"; use --view timeline or --view actors")
                             .arg(request.view));
    const auto theme = ChartTheme::named(request.theme);
    if (!theme)
        throw StoreError(QStringLiteral("unknown theme \"%1\"; use one of: %2")
                             .arg(request.theme, ChartTheme::names().join(QStringLiteral(", "))));
    m_theme = *theme;
    m_request.state = nullptr; // read here only; the window may change after

    // The window: what the request says, else the window's, else the whole story.
    const TimeIndex& index = story.timeIndex();
    const Selection* state = request.state;
    m_fitWhole = !request.from && !request.to && !(state && state->hasWindow());
    m_from = request.from.value_or(
        state && state->hasWindow() ? state->windowFrom() : (index.empty() ? 0 : index.minTime()));
    m_to = request.to.value_or(state && state->hasWindow()
                                   ? state->windowTo()
                                   : (index.empty() ? 86400 : index.maxTime()));
    if (m_to <= m_from)
        m_to = m_from + 86400;
    m_selection.setTimeWindow(m_from, m_to);
    if (request.highlight && state)
        m_highlight = {state->highlightedEvents(), state->highlightedActors()};
    const Selection::Filter base = state ? state->filter() : request.filter;
    Collected events, relations;
    if (!actors)
        events = prepareTimeline(base);
    if (!timeline)
        relations = prepareActorMap(base);
    describe(events, relations);
}

ChartComposer::~ChartComposer() = default;

QCustomPlot* ChartComposer::plot() const
{
    return m_timeline ? m_timeline->plot() : m_actorMap->plot();
}

void ChartComposer::describe(const Collected& events, const Collected& relations)
{
    // The footer names what publish-safe left out or marked, chart by chart.
    const bool omit = m_request.publishSafe == ExportRequest::PublishSafe::Omit;
    const bool mark = m_request.publishSafe == ExportRequest::PublishSafe::Mark;
    const QString eventCount =
        count(events.notCleared, QObject::tr("event"), QObject::tr("events"));
    const QString relationCount =
        count(relations.notCleared, QObject::tr("relation"), QObject::tr("relations"));
    QStringList what;
    if (omit) {
        if (events.notCleared > 0)
            what << eventCount;
        if (relations.notCleared > 0)
            what << relationCount;
        if (!what.isEmpty())
            m_footer = QObject::tr("Publish-safe: %1 not cleared for publication in this window "
                                   "left out.")
                           .arg(what.join(QObject::tr(" and ")));
    } else if (mark) {
        if (events.notCleared > 0)
            what << QObject::tr("\u26a0 and hatching mark %1").arg(eventCount);
        if (relations.notCleared > 0 && !relations.tooManyToMark)
            what << QObject::tr("\u26a0 marks %1").arg(relationCount);
        QStringList sentences;
        if (!what.isEmpty())
            sentences << QObject::tr("Publish-safe: %1 not cleared for publication.")
                             .arg(what.join(QObject::tr(", ")));
        if (relations.notCleared > 0 && relations.tooManyToMark)
            sentences << QObject::tr("Publish-safe: %1 not cleared for publication are drawn "
                                     "unmarked, too many to mark one by one; leave them out to "
                                     "publish.")
                             .arg(relationCount);
        m_footer = sentences.join(u' ');
    }
    if (!m_request.sourcesLine)
        return;
    QHash<qint64, int> citedBy = events.citedBy;
    for (auto it = relations.citedBy.cbegin(); it != relations.citedBy.cend(); ++it)
        citedBy[it.key()] += it.value();
    buildSourcesLine(citedBy);
}

QString ChartComposer::documentTitle() const
{
    if (!m_request.title.isEmpty())
        return m_request.title;
    if (m_timeline && m_actorMap)
        return QObject::tr("Timeline and actor map");
    return m_timeline ? QObject::tr("Timeline") : QObject::tr("Actor map");
}

ChartComposer::Collected ChartComposer::prepareTimeline(const Selection::Filter& base)
{
    // The window's filters; publish-safe "omit" keeps only what is cleared.
    Selection::Filter filter = base;
    if (m_request.publishSafe == ExportRequest::PublishSafe::Omit) {
        const int cleared = int(Verification::Cleared);
        if (filter.statuses.isEmpty() || filter.statuses.contains(cleared))
            filter.statuses = {cleared};
        else
            filter.statuses = {-1}; // the window shows nothing that is cleared
    }
    // The filter first, and the chart made with its lane mode, window and empty lanes left
    // out (a published chart): its lanes are laid out once.
    m_selection.setFilter(filter);
    TimelineChart::Setup setup;
    setup.collapseEmptyLanes = true;
    if (m_request.laneMode)
        setup.mode = *m_request.laneMode;
    if (!m_fitWhole)
        setup.window = std::pair(m_from, m_to);
    m_timeline = std::make_unique<TimelineChart>(&m_story, &m_selection, setup);
    m_timeline->setTheme(m_theme);
    // A published chart is read, not navigated: no overview strip.
    m_timeline->setOverviewVisible(false);
    m_timeline->setLegendVisible(m_request.legend);
    m_timeline->setMarkUnverified(m_request.publishSafe == ExportRequest::PublishSafe::Mark);
    // After the view exists: it takes the highlight from the selection's signal.
    m_selection.setHighlight(m_highlight.first, m_highlight.second);
    return collectTimeline(base);
}

ChartComposer::Collected ChartComposer::collectTimeline(const Selection::Filter& base)
{
    // What the exported window shows, before and after publish-safe: for the footer's count
    // and the sources line. One pass over the in-memory index.
    const TimeIndex& index = m_story.timeIndex();
    const EventFilter filter(m_story.store(), index, base);
    const auto ids = index.ids();
    const auto earliest = index.earliest();
    const auto latest = index.latest();
    const auto flags = index.flags();
    QSet<Id> shown;
    int notCleared = 0;
    const bool omit = m_request.publishSafe == ExportRequest::PublishSafe::Omit;
    for (std::size_t r = 0; r < index.size(); ++r) {
        if (latest[r] < m_from || earliest[r] > m_to || !filter.passesRow(index, r))
            continue;
        const int status = int(TimeIndex::statusOf(flags[r]));
        const bool cleared = status == int(Verification::Cleared);
        if (!cleared)
            ++notCleared;
        if (!cleared && omit)
            continue;
        shown.insert(ids[r]);
    }
    Collected collected;
    collected.notCleared = notCleared;
    m_shownEvents = shown;
    if (!m_request.sourcesLine || shown.isEmpty())
        return collected;
    for (const Citation& c : m_story.store().citations())
        if (c.target.kind == EntityKind::Event && shown.contains(c.target.id))
            ++collected.citedBy[c.sourceId];
    return collected;
}

ChartComposer::Collected ChartComposer::prepareActorMap(const Selection::Filter& base)
{
    // The map alone follows the window's filters as the window's map does (with the
    // timeline, prepareTimeline has set them).
    if (!m_timeline)
        m_selection.setFilter(base);
    m_actorMap = std::make_unique<ActorMapChart>(&m_story, &m_selection);
    m_actorMap->setAnimated(false);
    m_actorMap->setTheme(m_theme);
    m_actorMap->setLegendVisible(m_request.legend);
    m_actorMap->layoutNow();
    // Before the publish-safe marks: the highlight restyles every edge.
    m_selection.setHighlight(m_highlight.first, m_highlight.second);
    return collectActorMap();
}

ChartComposer::Collected ChartComposer::collectActorMap()
{
    // Counted from what the chart draws, not from the story: a relation the map hides "as
    // of" the window (outside it, or with an actor that does not exist in it) or behind a
    // filter is neither counted in the footer nor cited in the sources line. The chart's
    // relations are in the same order as its scene's edges.
    const QList<Relation>& relations = m_actorMap->relations();
    MapScene& scene = m_actorMap->layer()->scene();
    const bool omit = m_request.publishSafe == ExportRequest::PublishSafe::Omit;
    const bool mark = m_request.publishSafe == ExportRequest::PublishSafe::Mark;
    QSet<Id> shownRelations, shownActors;
    int notCleared = 0;
    for (qsizetype e = 0; e < relations.size() && std::size_t(e) < scene.edges.size(); ++e) {
        if (!m_actorMap->isRelationShown(int(e)))
            continue;
        const Relation& r = relations[e];
        if (r.status != Verification::Cleared) {
            ++notCleared;
            MapScene::Edge& edge = scene.edges[std::size_t(e)];
            if (omit) {
                edge.flags |= MapScene::EdgeHidden;
                continue;
            }
            if (mark)
                edge.type = QObject::tr("\u26a0 %1").arg(edge.type);
        }
        shownRelations.insert(r.id);
    }
    ++scene.revision; // flags and labels changed: the layer's per-revision caches go stale
    const QList<Actor>& actors = m_actorMap->actors();
    for (qsizetype i = 0; i < actors.size(); ++i)
        if (m_actorMap->isActorShown(int(i)))
            shownActors.insert(actors[i].id);
    Collected collected;
    collected.notCleared = notCleared;
    // At the large map's level of detail relations carry no labels, so no mark either.
    collected.tooManyToMark =
        ActorMapLayer::isLarge(int(shownActors.size()), int(shownRelations.size()));
    scene.markedUnverified = notCleared > 0 && !collected.tooManyToMark && mark;
    if (!m_request.sourcesLine)
        return collected;
    for (const Citation& c : m_story.store().citations())
        if ((c.target.kind == EntityKind::Relation && shownRelations.contains(c.target.id)) ||
            (c.target.kind == EntityKind::Actor && shownActors.contains(c.target.id)))
            ++collected.citedBy[c.sourceId];
    return collected;
}

void ChartComposer::buildSourcesLine(const QHash<qint64, int>& citedBy)
{
    if (citedBy.isEmpty())
        return;
    struct Cited
    {
        QString name;
        int count;
    };
    std::vector<Cited> cited;
    for (const Source& s : m_story.store().sources()) {
        const int n = citedBy.value(s.id);
        if (n == 0)
            continue;
        // The source as a reader would cite it: its title and publisher. A placeholder title
        // ("Untitled article: ...", as an importer may write) is left out, never printed.
        QString title = s.title.trimmed();
        static const QRegularExpression placeholder(
            QStringLiteral(
                "^(untitled|no title)( (article|source|document))?\\s*([:\u2013\u2014-]\\s*|$)"),
            QRegularExpression::CaseInsensitiveOption);
        if (const auto m = placeholder.match(title); m.hasMatch())
            title = title.mid(m.capturedLength()).trimmed();
        const QString publisher = s.publisher.trimmed();
        QString name = title.isEmpty() ? publisher
                       : publisher.isEmpty()
                           ? QStringLiteral("\u201c%1\u201d").arg(title)
                           : QObject::tr("\u201c%1\u201d, %2").arg(title, publisher);
        if (name.isEmpty())
            name = s.url;
        if (name.isEmpty())
            continue;
        const auto same = std::find_if(cited.begin(), cited.end(),
                                       [&](const Cited& c) { return c.name == name; });
        if (same != cited.end())
            same->count += n;
        else
            cited.push_back({name, n});
    }
    // The most cited first: when the line is cut short, what is left out is the least used.
    std::stable_sort(cited.begin(), cited.end(),
                     [](const Cited& a, const Cited& b) { return a.count > b.count; });
    QStringList names;
    for (const Cited& c : cited)
        names << c.name;
    if (!names.isEmpty())
        m_sources = QObject::tr("Sources: %1").arg(names.join(QStringLiteral("; ")));
}

void ChartComposer::layoutTimeline(QSize logical)
{
    m_timeline->plot()->resize(logical);
    if (m_fitWhole)
        m_timeline->fitStory(); // the whole story with a margin, as the window opens
    else
        m_timeline->setWindow(m_from, m_to);
}

void ChartComposer::drawActorMap(QCPPainter& painter, const QRectF& rect)
{
    painter.save();
    painter.translate(rect.topLeft());
    painter.setClipRect(QRectF(QPointF(0, 0), rect.size()));
    m_actorMap->paint(painter, rect.size().toSize());
    painter.restore();
}

void ChartComposer::drawTimeline(QCPPainter& painter, const QRectF& rect)
{
    painter.save();
    painter.translate(rect.topLeft());
    painter.setClipRect(QRectF(QPointF(0, 0), rect.size()));
    m_timeline->paint(painter, rect.size().toSize());
    painter.restore();
}

void ChartComposer::paint(QPaintDevice& device, QSize size)
{
    QCPPainter painter(&device);
    paint(painter, size);
}

void ChartComposer::paint(QCPPainter& painter, QSize size)
{
    const double scale = m_request.scale > 0 ? m_request.scale : 1.0;
    const double w = std::max(1.0, std::round(size.width() / scale));
    const double h = std::max(1.0, std::round(size.height() / scale));
    const double margin = std::round(std::min(w, h) * 0.025 + 8 * m_theme.fontScale);
    const double inner = w - 2 * margin;

    const TextBlock title =
        block(m_wrapped, m_request.title, scaledFont(26, m_theme, true), m_theme.text, inner, 2);
    const TextBlock subtitle =
        block(m_wrapped, m_request.subtitle, scaledFont(17, m_theme), m_theme.mutedText, inner, 2);
    const TextBlock caption =
        block(m_wrapped, m_request.caption, scaledFont(14, m_theme), m_theme.text, inner, 4);
    const TextBlock sources =
        block(m_wrapped, m_sources, scaledFont(11.5, m_theme), m_theme.mutedText, inner, kMaxSourceLines);
    const TextBlock credit =
        block(m_wrapped, m_request.credit, scaledFont(11.5, m_theme), m_theme.mutedText, inner, 1);
    const TextBlock footer =
        block(m_wrapped, m_footer, scaledFont(11.5, m_theme, true, true), m_theme.text, inner, 2);

    const double gap = std::round(8 * m_theme.fontScale);
    double top = margin;
    if (!title.lines.isEmpty() || !subtitle.lines.isEmpty())
        top += title.height() + subtitle.height() + gap;
    double bottom = h - margin;
    const double below = caption.height() + sources.height() + credit.height() + footer.height();
    if (below > 0)
        bottom -= below + gap;
    // The chart keeps off the page's edges; its lane names sit in the left margin's half.
    const QRectF chart(std::round(margin / 2), top, std::max(40.0, w - std::round(1.5 * margin)),
                       std::max(40.0, bottom - top));

    painter.save();
    // SVG and PDF: the charts draw shapes, not bitmaps, wherever they would otherwise cache.
    // (SVG is painted through the geometry-clipping device.)
    if (const QPaintEngine* engine = painter.paintEngine();
        dynamic_cast<const GeometryClipDevice*>(painter.device()) ||
        (engine && (engine->type() == QPaintEngine::SVG || engine->type() == QPaintEngine::Pdf)))
        painter.setMode(QCPPainter::pmVectorized);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    // Hatching scales with the page like every other mark: without this a printer at
    // 1200 dpi would draw it too fine to see, and 4K finer than 1080p.
    painter.setRenderHint(QPainter::NonCosmeticBrushPatterns);
    painter.scale(scale, scale);
    painter.fillRect(QRectF(0, 0, w, h), m_theme.background);

    double y = margin;
    y = drawBlock(painter, title, margin, y, inner);
    drawBlock(painter, subtitle, margin, y, inner);

    // The chart, laid out at its own size and drawn by the window's code. Both charts (a
    // scene that shows both) share the height as Present mode shares it: half each.
    if (m_timeline && m_actorMap) {
        const double half = std::round((chart.height() - gap) / 2);
        const QRectF upper(chart.topLeft(), QSizeF(chart.width(), half));
        const QRectF lower(chart.left(), chart.bottom() - half, chart.width(), half);
        layoutTimeline(upper.size().toSize());
        drawTimeline(painter, upper);
        drawActorMap(painter, lower);
    } else if (m_timeline) {
        layoutTimeline(chart.size().toSize());
        drawTimeline(painter, chart);
    } else {
        drawActorMap(painter, chart);
    }

    y = chart.bottom() + gap;
    y = drawBlock(painter, caption, margin, y, inner);
    y = drawBlock(painter, sources, margin, y, inner);
    y = drawBlock(painter, credit, margin, y, inner);
    drawBlock(painter, footer, margin, y, inner);
    painter.restore();
}

void ChartComposer::setText(const ExportRequest& request)
{
    m_request.title = request.title;
    m_request.subtitle = request.subtitle;
    m_request.caption = request.caption;
    m_request.credit = request.credit;
    m_request.scale = request.scale;
}

QImage ChartComposer::image(QSize size)
{
    // A QImage has device pixel ratio 1 whatever QT_SCALE_FACTOR says: exactly these pixels.
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(m_theme.background);
    paint(image, size);
    return image;
}

} // namespace chronomap
