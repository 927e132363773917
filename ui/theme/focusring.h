#pragma once

#include <QWidget>

namespace chronomap {

// A visible focus ring for a widget that draws itself (the charts): a frame in the palette's
// highlight colour over its edge while it has keyboard focus. A child that takes no mouse
// input and follows the widget's size, so the chart's own drawing is left alone.
class FocusRing final : public QWidget
{
    Q_OBJECT

public:
    // Puts a ring on `target` (once; a second call returns the first ring).
    static FocusRing* attach(QWidget* target);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    explicit FocusRing(QWidget* target);
    void follow();

    QWidget* m_target;
};

} // namespace chronomap
