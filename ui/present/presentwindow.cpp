#include "presentwindow.h"

#include "actormap/actormapview.h"
#include "edit/sceneedits.h"
#include "story/story.h"
#include "theme/charttheme.h"
#include "timeline/timelinechart.h"
#include "timeline/timelineview.h"

#include <QKeyEvent>
#include <QLabel>
#include <QSplitter>
#include <QVariantAnimation>
#include <QVBoxLayout>

#include <cmath>

namespace chronomap {

namespace {

// The window between two others at t in [0, 1]: the middle moves evenly, the span grows or
// shrinks by the same factor each frame, so a zoom from years to days feels even.
std::pair<qint64, qint64> between(std::pair<qint64, qint64> a, std::pair<qint64, qint64> b,
                                  double t)
{
    const double midA = (double(a.first) + double(a.second)) / 2;
    const double midB = (double(b.first) + double(b.second)) / 2;
    const double spanA = std::max(1.0, double(a.second - a.first));
    const double spanB = std::max(1.0, double(b.second - b.first));
    const double mid = midA + (midB - midA) * t;
    const double span = spanA * std::pow(spanB / spanA, t);
    return {qint64(std::llround(mid - span / 2)), qint64(std::llround(mid + span / 2))};
}

// The chart themes are threaded through the views by the export work; a view that cannot
// take one yet keeps its own look.
template <class View> void applyTheme(View* view, const ChartTheme& theme)
{
    if constexpr (requires { view->setTheme(theme); })
        view->setTheme(theme);
}

} // namespace

PresentWindow::PresentWindow(Story* story, const SceneState& fallback, const ChartTheme& theme,
                             QWidget* parent)
    : QWidget(parent, Qt::Window), m_story(story), m_selection(new Selection(this)),
      m_charts(new QSplitter(Qt::Vertical)), m_title(new QLabel), m_caption(new QLabel),
      m_counter(new QLabel), m_animation(new QVariantAnimation(this))
{
    setObjectName(QStringLiteral("presentWindow"));
    setWindowTitle(tr("%1 — Present").arg(story->title()));
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);

    m_scenes = orderedScenes(story->store());
    for (const Scene& s : std::as_const(m_scenes)) {
        QStringList skipped;
        m_states << SceneState::fromJsonText(s.state, &skipped);
        for (const QString& why : std::as_const(skipped))
            m_problems << tr("Scene “%1”: %2").arg(s.name, why);
    }
    if (m_scenes.isEmpty()) {
        Scene s;
        s.name = tr("Current view");
        s.caption = tr("This story has no scenes yet. To build a presentation, set up the "
                       "charts in the window and use Scenes › Add (View › Scenes); Present "
                       "(F5) then plays them in order. Esc leaves.");
        m_scenes << s;
        m_states << fallback;
    }

    m_timeline = new TimelineView(story, m_selection, m_charts);
    // A presentation is not scrolled: every lane on screen, sharing the height.
    m_timeline->chart()->setScrollLanes(false);
    // Nor does it show lanes with nothing in the scene's window, or the overview strip (the
    // presenter navigates by scene), as the deck's pages do not.
    m_timeline->chart()->setCollapseEmptyLanes(true);
    m_timeline->chart()->setOverviewVisible(false);
    m_actorMap = new ActorMapView(story, m_selection, m_charts);
    applyTheme(m_timeline, theme);
    applyTheme(m_actorMap, theme);
    m_charts->addWidget(m_timeline);
    m_charts->addWidget(m_actorMap);
    m_charts->setChildrenCollapsible(false);
    // The map needs real height to be read from the back of a room.
    m_charts->setStretchFactor(0, 1);
    m_charts->setStretchFactor(1, 1);
    m_charts->setHandleWidth(1);

    QPalette pal = palette();
    pal.setColor(QPalette::Window, theme.background);
    pal.setColor(QPalette::WindowText, theme.text);
    setPalette(pal);
    setAutoFillBackground(true);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.9 * theme.fontScale);
    m_caption->setFont(big);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setObjectName(QStringLiteral("presentCaption"));
    QFont head = font();
    // The scene's title reads from the back of a room, larger than the caption.
    head.setPointSizeF(head.pointSizeF() * 2.4 * theme.fontScale);
    head.setBold(true);
    m_title->setFont(head);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QPalette muted = pal;
    muted.setColor(QPalette::WindowText, theme.mutedText);
    m_counter->setPalette(muted);
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignBottom);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 20, 32, 20);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(m_charts, 1);
    auto* foot = new QHBoxLayout;
    foot->addWidget(m_caption, 1);
    foot->addWidget(m_counter);
    layout->addLayout(foot);

    // Keys belong to the presentation, not to the charts: nothing inside takes focus, and
    // keys that reach a child anyway come here.
    for (QWidget* w : findChildren<QWidget*>()) {
        w->setFocusPolicy(Qt::NoFocus);
        w->installEventFilter(this);
    }

    m_animation->setDuration(600);
    m_animation->setEasingCurve(QEasingCurve::InOutCubic);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        const auto w = between(m_start, m_target, v.toDouble());
        m_timeline->setWindow(w.first, w.second);
    });
    connect(m_animation, &QVariantAnimation::finished, this, [this] {
        m_timeline->setWindow(m_target.first, m_target.second);
        m_timeline->chart()->setLanesHeld(false); // the scene's lanes, once it has landed
    });

    showScene(0, false);
}

PresentWindow::~PresentWindow()
{
    m_animation->stop();
}

void PresentWindow::balanceCharts()
{
    // Equal halves, whatever the two charts' size hints say (the timeline's would take
    // most of the height and leave the map too small to read from the back of a room).
    // Done again whenever the splitter changes size, since it shares new room by the hints.
    if (!m_timeline->isVisibleTo(this) || !m_actorMap->isVisibleTo(this))
        return;
    const int room = m_charts->height() - m_charts->handleWidth();
    if (room > 0)
        m_charts->setSizes({room / 2, room - room / 2});
}

bool PresentWindow::isAnimating() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

void PresentWindow::setTransitionDuration(int ms)
{
    m_animation->setDuration(std::max(0, ms));
}

void PresentWindow::goTo(int index)
{
    index = std::clamp(index, 0, int(m_scenes.size()) - 1);
    if (index == m_index)
        return;
    showScene(index, true);
}

void PresentWindow::finishTransition()
{
    if (!isAnimating())
        return;
    m_animation->stop();
    m_timeline->setWindow(m_target.first, m_target.second);
    m_timeline->chart()->setLanesHeld(false);
}

void PresentWindow::showScene(int index, bool animate)
{
    // A key pressed mid-transition: the last scene lands at once, the next one starts from it.
    finishTransition();
    m_index = index;
    const Scene& scene = m_scenes[index];
    const SceneState& state = m_states[index];

    m_timeline->setVisible(state.charts != SceneState::Charts::Actors);
    m_actorMap->setVisible(state.charts != SceneState::Charts::Timeline);
    balanceCharts();
    m_title->setText(scene.name);
    m_caption->setText(scene.caption);
    m_caption->setVisible(!scene.caption.isEmpty());
    m_counter->setText(m_scenes.size() > 1 ? tr("%1 / %2").arg(index + 1).arg(m_scenes.size())
                                           : QString());

    const std::pair<qint64, qint64> was{m_timeline->windowFrom(), m_timeline->windowTo()};
    // Everything but the window at once (it may move the window: the window is set after).
    applyScene(state, *m_selection, m_timeline);
    m_target = {m_timeline->windowFrom(), m_timeline->windowTo()};
    const bool glide =
        animate && m_animation->duration() > 0 && was != m_target && was.second > was.first;
    // Lanes are laid out for where a glide lands, not for each of its frames.
    m_timeline->chart()->setLanesHeld(glide);
    if (glide) {
        m_start = was;
        m_timeline->setWindow(was.first, was.second);
        m_animation->start();
    }
    emit sceneShown(index);
}

bool PresentWindow::handleKey(int key)
{
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        next();
        return true;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        previous();
        return true;
    case Qt::Key_Home:
        goTo(0);
        return true;
    case Qt::Key_End:
        goTo(int(m_scenes.size()) - 1);
        return true;
    case Qt::Key_Escape:
        close();
        return true;
    default:
        return false;
    }
}

void PresentWindow::keyPressEvent(QKeyEvent* event)
{
    if (!handleKey(event->key()))
        QWidget::keyPressEvent(event);
}

bool PresentWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_charts && event->type() == QEvent::Resize)
        balanceCharts();
    if (event->type() == QEvent::KeyPress && handleKey(static_cast<QKeyEvent*>(event)->key()))
        return true;
    return QWidget::eventFilter(watched, event);
}

} // namespace chronomap
