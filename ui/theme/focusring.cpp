#include "focusring.h"

#include <QEvent>
#include <QPainter>

namespace chronomap {

FocusRing* FocusRing::attach(QWidget* target)
{
    if (auto* ring = target->findChild<FocusRing*>(QString(), Qt::FindDirectChildrenOnly))
        return ring;
    return new FocusRing(target);
}

FocusRing::FocusRing(QWidget* target) : QWidget(target), m_target(target)
{
    setObjectName(QStringLiteral("focusRing"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    target->installEventFilter(this);
    follow();
}

void FocusRing::follow()
{
    setGeometry(m_target->rect());
    setVisible(m_target->hasFocus());
    if (isVisible())
        raise();
}

bool FocusRing::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_target) {
        switch (event->type()) {
        case QEvent::FocusIn:
        case QEvent::FocusOut:
        case QEvent::Resize:
        case QEvent::Show:
            follow();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    QPen pen(palette().color(QPalette::Highlight), 2);
    pen.setJoinStyle(Qt::MiterJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
}

} // namespace chronomap
