// ActorMapView's interaction: pan, zoom, pick, drag to pin, hover cards and the context menu.
#include "actormaplayer.h"
#include "actormapview.h"
#include "edit/edits.h"
#include "i18n/labels.h"
#include "query/selection.h"
#include "story/story.h"
#include "text/storytext.h"

#include <QAction>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <qcustomplot.h>

#include <cmath>

namespace chronomap {

namespace {

QString number(double v)
{
    return v >= 100 ? QString::number(v, 'f', 0) : QString::number(v, 'g', 3);
}

} // namespace

Id ActorMapView::actorAt(const QPoint& plotPos) const
{
    const int i = m_layer->nodeAt(plotPos);
    return i >= 0 ? m_graph.nodeIds[std::size_t(i)] : 0;
}

std::optional<QPointF> ActorMapView::positionOf(Id actor) const
{
    const int i = m_graph.indexOf.value(actor, -1);
    if (i < 0 || std::size_t(i) >= m_positions.size())
        return std::nullopt;
    return m_positions[std::size_t(i)];
}

std::optional<QPointF> ActorMapView::pixelOf(Id actor) const
{
    const int i = m_graph.indexOf.value(actor, -1);
    if (i < 0 || !m_haveLayout ||
        (m_layer->scene().nodes[std::size_t(i)].flags & MapScene::NodeHidden))
        return std::nullopt;
    return m_layer->pixelOf(m_layer->scene().nodes[std::size_t(i)].pos);
}

void ActorMapView::pickActor(Id actor)
{
    m_picked = actor;
    if (!actor) {
        m_selection->clearSelection();
        updateActions();
        return;
    }
    // The contract with the timeline: select the actor, show its details, light up its events.
    QSet<Id> events;
    for (Id e : m_story->store().eventIdsOfActor(actor))
        events.insert(e);
    m_selection->selectActors({actor});
    m_selection->setCurrent(EntityRef{EntityKind::Actor, actor});
    m_selection->setHighlight(events, {actor});
    updateActions();
}

void ActorMapView::pinActor(Id actor, std::optional<QPointF> where)
{
    // An edit like any other: Undo takes it back, and the audit log has its line.
    std::optional<std::pair<double, double>> at;
    if (where)
        at = std::pair{where->x(), where->y()};
    EditCommand* pin = makePin(m_story, actor, at);
    if (!pin)
        return;
    if (!EditGuard::push(m_story, pin)) {
        // The story is read-only or the file failed (the window says why, once): put the
        // actor back where it was pinned.
        const int i = m_graph.indexOf.value(actor, -1);
        if (i >= 0 && m_graph.pinned[std::size_t(i)] && std::size_t(i) < m_positions.size()) {
            m_positions[std::size_t(i)] = *m_graph.pinned[std::size_t(i)];
            m_layer->scene().nodes[std::size_t(i)].pos = m_positions[std::size_t(i)];
            ++m_layer->scene().revision;
        }
        replot();
    }
}

QString ActorMapView::actorCard(Id actor) const
{
    const int i = m_graph.indexOf.value(actor, -1);
    if (i < 0)
        return {};
    const Actor& a = m_actors[i];
    int inWindow = 0;
    for (std::size_t e = 0; e < m_graph.edges.size(); ++e)
        if (m_mask[e] && (m_graph.edges[e].from == i || m_graph.edges[e].to == i))
            ++inWindow;
    QString html =
        QStringLiteral("<b>%1</b><br>%2").arg(a.name.toHtmlEscaped(), actorKindLabel(a.kind));
    if (!a.role.isEmpty())
        html += QStringLiteral(" \u2014 %1").arg(a.role.toHtmlEscaped());
    html += QStringLiteral("<br>") + tr("%1 of %2 relations hold in this window")
                                         .arg(inWindow)
                                         .arg(m_relationCount[std::size_t(i)]);
    if (m_centrality.degree.size() == std::size_t(m_actors.size())) {
        html += QStringLiteral("<br>") +
                tr("Degree %1 \u00b7 betweenness %2%3 \u00b7 PageRank %4")
                    .arg(number(m_centrality.degree[std::size_t(i)]),
                         number(m_centrality.betweenness[std::size_t(i)]),
                         m_centrality.betweennessEstimated ? tr(" (estimate)") : QString(),
                         number(m_centrality.pageRank[std::size_t(i)]));
        if (m_communities.membership.size() == std::size_t(m_actors.size()) &&
            m_communities.membership[std::size_t(i)] >= 0)
            html += QStringLiteral("<br>") +
                    tr("Community %1").arg(m_communities.membership[std::size_t(i)] + 1);
    }
    if (m_graph.pinned[std::size_t(i)])
        html += QStringLiteral("<br><i>%1</i>").arg(tr("Pinned (Unpin Actor releases it)"));
    const QList<Citation> cites = m_story->store().citationsOf({EntityKind::Actor, actor});
    html += sourcesLines(cites, tr("No sources cited for this actor"));
    return html;
}

QString ActorMapView::sourcesLines(const QList<Citation>& cites, const QString& none) const
{
    if (cites.isEmpty())
        return QStringLiteral("<br><i>%1</i>").arg(none);
    QString html = QStringLiteral("<br>") + tr("Sources:");
    for (qsizetype k = 0; k < cites.size() && k < 5; ++k)
        if (const auto s = m_story->store().source(cites[k].sourceId))
            html += QStringLiteral("<br>\u2022 %1").arg(s->title.toHtmlEscaped());
    if (cites.size() > 5)
        html += QStringLiteral("<br>") + tr("\u2026and %1 more").arg(cites.size() - 5);
    return html;
}

QString ActorMapView::relationCard(int edge) const
{
    if (edge < 0 || edge >= m_graph.edgeCount())
        return {};
    const Relation& r = m_relations[edge];
    const QString from = m_actors[m_graph.edges[std::size_t(edge)].from].name.toHtmlEscaped();
    const QString to = m_actors[m_graph.edges[std::size_t(edge)].to].name.toHtmlEscaped();
    QString html = QStringLiteral("<b>%1</b> %2 <b>%3</b>")
                       .arg(from,
                            r.type.toHtmlEscaped() + (r.directed ? QStringLiteral(" \u2192")
                                                                 : QStringLiteral(" \u2194")),
                            to);
    html += QStringLiteral("<br>") +
            (r.valid.isValid()
                 ? tr("Holds: %1 (%2)")
                       .arg(r.valid.describe().toHtmlEscaped(), r.valid.edtf().toHtmlEscaped())
                 : tr("Undated: shown in every window"));
    html += QStringLiteral("<br>") +
            tr("Status: %1 \u00b7 weight %2").arg(statusLabel(r.status), number(r.weight));
    if (!r.description.isEmpty())
        html += QStringLiteral("<br><i>%1</i>").arg(r.description.toHtmlEscaped());
    html += sourcesLines(m_story->store().citationsOf({EntityKind::Relation, r.id}),
                         tr("No sources cited for this relation"));
    return html;
}

bool ActorMapView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_plot)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        onMousePress(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::MouseMove:
        onMouseMove(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::MouseButtonRelease:
        onMouseRelease(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::MouseButtonDblClick:
        return true;
    case QEvent::Wheel: {
        auto* wheel = static_cast<QWheelEvent*>(event);
        const double steps = wheel->angleDelta().y() / 120.0;
        if (steps == 0)
            return true;
        const double factor = std::pow(0.85, steps);
        m_userMoved = true;
        const QPointF at = wheel->position();
        // Both axes by the same factor around the cursor: the aspect stays locked.
        m_plot->xAxis->scaleRange(factor, m_plot->xAxis->pixelToCoord(at.x()));
        m_plot->yAxis->scaleRange(factor, m_plot->yAxis->pixelToCoord(at.y()));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return true;
    }
    case QEvent::Leave:
        if (m_hoverNode >= 0 || m_hoverEdge >= 0)
            setHover(-1, -1);
        QToolTip::hideText();
        return false;
    default:
        return QWidget::eventFilter(watched, event);
    }
}

void ActorMapView::setHover(int node, int edge)
{
    // Only the two flags: a full restyle would cost a pass over every actor and relation, and
    // the large map draws hover over its cached body.
    auto& scene = m_layer->scene();
    if (m_hoverNode >= 0 && std::size_t(m_hoverNode) < scene.nodes.size())
        scene.nodes[std::size_t(m_hoverNode)].flags &= quint8(~MapScene::NodeHovered);
    if (m_hoverEdge >= 0 && std::size_t(m_hoverEdge) < scene.edges.size())
        scene.edges[std::size_t(m_hoverEdge)].flags &= quint8(~MapScene::EdgeHovered);
    m_hoverNode = node;
    m_hoverEdge = edge;
    if (node >= 0 && std::size_t(node) < scene.nodes.size())
        scene.nodes[std::size_t(node)].flags |= MapScene::NodeHovered;
    if (edge >= 0 && std::size_t(edge) < scene.edges.size())
        scene.edges[std::size_t(edge)].flags |= MapScene::EdgeHovered;
    replot();
}

void ActorMapView::onMousePress(QMouseEvent* event)
{
    m_pressPos = event->position().toPoint();
    m_dragged = false;
    m_dragNode = -1;
    m_panning = false;
    const int node = m_layer->nodeAt(event->position());
    if (event->button() == Qt::RightButton) {
        if (node >= 0)
            pickActor(m_graph.nodeIds[std::size_t(node)]);
        showContextMenu(event->position().toPoint());
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    if (node >= 0)
        m_dragNode = node;
    else {
        m_panning = true;
        m_panLast = m_pressPos;
    }
}

void ActorMapView::onMouseMove(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->buttons() & Qt::LeftButton) {
        if ((pos - m_pressPos).manhattanLength() > 3)
            m_dragged = true;
        if (m_dragNode >= 0 && m_dragged) {
            const QPointF coords(m_plot->xAxis->pixelToCoord(pos.x()),
                                 m_plot->yAxis->pixelToCoord(pos.y()));
            m_positions[std::size_t(m_dragNode)] = coords;
            m_layer->scene().nodes[std::size_t(m_dragNode)].pos = coords;
            ++m_layer->scene().revision;
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        } else if (m_panning) {
            const QPoint d = pos - m_panLast;
            m_panLast = pos;
            m_userMoved = true;
            auto shift = [](QCPAxis* axis, int pixels) {
                const double delta = axis->pixelToCoord(0) - axis->pixelToCoord(pixels);
                axis->moveRange(delta);
            };
            shift(m_plot->xAxis, d.x());
            shift(m_plot->yAxis, d.y());
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return;
    }
    // Hover: an actor first, else a relation.
    const int node = m_layer->nodeAt(event->position());
    const int edge = node < 0 ? m_layer->edgeAt(event->position()) : -1;
    if (node != m_hoverNode || edge != m_hoverEdge) {
        setHover(node, edge);
        const QString card = node >= 0   ? actorCard(m_graph.nodeIds[std::size_t(node)])
                             : edge >= 0 ? relationCard(edge)
                                         : QString();
        if (card.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), card, m_plot);
    }
}

void ActorMapView::onMouseRelease(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_dragNode >= 0) {
        const Id id = m_graph.nodeIds[std::size_t(m_dragNode)];
        if (m_dragged)
            pinActor(id, m_positions[std::size_t(m_dragNode)]);
        else
            pickActor(id);
    } else if (!m_dragged) {
        pickActor(0);
    }
    m_dragNode = -1;
    m_panning = false;
}

void ActorMapView::showContextMenu(const QPoint& pos)
{
    QMenu menu(this);
    if (m_picked) {
        menu.addAction(m_onlyEvents);
        menu.addAction(m_ego1);
        menu.addAction(m_ego2);
        menu.addAction(m_unpin);
        menu.addSeparator();
    }
    menu.addAction(m_egoWhole);
    menu.addAction(m_clearFilter);
    menu.addAction(m_fit);
    menu.exec(m_plot->mapToGlobal(pos));
}

} // namespace chronomap
