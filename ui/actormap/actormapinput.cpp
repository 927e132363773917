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
        m_chart->restorePin(actor);
    }
}

QString ActorMapView::actorCard(Id actor) const
{
    const int i = m_chart->nodeOf(actor);
    if (i < 0)
        return {};
    const ActorGraph& graph = m_chart->graph();
    const std::vector<char>& mask = m_chart->windowMask();
    const Centrality& centrality = m_chart->centrality();
    const Communities& communities = m_chart->communities();
    const qsizetype actors = m_chart->actors().size();
    const Actor& a = m_chart->actors()[i];
    int inWindow = 0;
    for (std::size_t e = 0; e < graph.edges.size(); ++e)
        if (mask[e] && (graph.edges[e].from == i || graph.edges[e].to == i))
            ++inWindow;
    QString html =
        QStringLiteral("<b>%1</b><br>%2").arg(a.name.toHtmlEscaped(), actorKindLabel(a.kind));
    if (!a.role.isEmpty())
        html += QStringLiteral(" \u2014 %1").arg(a.role.toHtmlEscaped());
    html +=
        QStringLiteral("<br>") +
        tr("%1 of %2 relations hold in this window").arg(inWindow).arg(m_chart->relationCount(i));
    if (centrality.degree.size() == std::size_t(actors)) {
        html += QStringLiteral("<br>") +
                tr("Degree %1 \u00b7 betweenness %2%3 \u00b7 PageRank %4")
                    .arg(number(centrality.degree[std::size_t(i)]),
                         number(centrality.betweenness[std::size_t(i)]),
                         centrality.betweennessEstimated ? tr(" (estimate)") : QString(),
                         number(centrality.pageRank[std::size_t(i)]));
        if (communities.membership.size() == std::size_t(actors) &&
            communities.membership[std::size_t(i)] >= 0)
            html += QStringLiteral("<br>") +
                    tr("Community %1").arg(communities.membership[std::size_t(i)] + 1);
    }
    if (graph.pinned[std::size_t(i)])
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
        html += QStringLiteral("<br>") + tr("…and %1 more").arg(cites.size() - 5);
    return html;
}

QString ActorMapView::relationCard(int edge) const
{
    const ActorGraph& graph = m_chart->graph();
    if (edge < 0 || edge >= graph.edgeCount())
        return {};
    const Relation& r = m_chart->relations()[edge];
    const QString from =
        m_chart->actors()[graph.edges[std::size_t(edge)].from].name.toHtmlEscaped();
    const QString to = m_chart->actors()[graph.edges[std::size_t(edge)].to].name.toHtmlEscaped();
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
    if (watched != plot())
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
        m_chart->zoomAt(std::pow(0.85, steps), wheel->position());
        return true;
    }
    case QEvent::Leave:
        if (m_hoverNode >= 0 || m_hoverEdge >= 0) {
            m_hoverNode = m_hoverEdge = -1;
            m_chart->setHover(-1, -1);
        }
        QToolTip::hideText();
        return false;
    default:
        return QWidget::eventFilter(watched, event);
    }
}

void ActorMapView::onMousePress(QMouseEvent* event)
{
    m_pressPos = event->position().toPoint();
    m_dragged = false;
    m_dragNode = -1;
    m_panning = false;
    const int node = m_chart->nodeAt(event->position());
    if (event->button() == Qt::RightButton) {
        if (node >= 0)
            pickActor(m_chart->actorOfNode(node));
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
            m_chart->moveNode(m_dragNode, m_chart->coordsAt(pos));
        } else if (m_panning) {
            const QPoint d = pos - m_panLast;
            m_panLast = pos;
            m_chart->panBy(d);
        }
        return;
    }
    // Hover: an actor first, else a relation.
    const int node = m_chart->nodeAt(event->position());
    const int edge = node < 0 ? m_chart->edgeAt(event->position()) : -1;
    if (node != m_hoverNode || edge != m_hoverEdge) {
        m_hoverNode = node;
        m_hoverEdge = edge;
        m_chart->setHover(node, edge);
        const QString card = node >= 0   ? actorCard(m_chart->actorOfNode(node))
                             : edge >= 0 ? relationCard(edge)
                                         : QString();
        if (card.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), card, plot());
    }
}

void ActorMapView::onMouseRelease(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_dragNode >= 0) {
        const Id id = m_chart->actorOfNode(m_dragNode);
        if (m_dragged)
            pinActor(id, m_chart->positionOf(id));
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
    menu.exec(plot()->mapToGlobal(pos));
}

} // namespace chronomap
