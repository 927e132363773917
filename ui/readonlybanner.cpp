#include "readonlybanner.h"

#include <QLabel>
#include <QMainWindow>
#include <QVBoxLayout>

namespace chronomap {

void showReadOnlyBanner(QMainWindow& window, const QString& text)
{
    if (text.isEmpty())
        return;
    QWidget* central = window.takeCentralWidget();
    auto* frame = new QWidget;
    frame->setObjectName(QStringLiteral("storyFrame"));
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* banner = new QLabel(text, frame);
    banner->setObjectName(QStringLiteral("readOnlyBanner"));
    banner->setTextFormat(Qt::PlainText); // a file name is text, never markup
    banner->setWordWrap(true);
    banner->setContentsMargins(10, 6, 10, 6);
    banner->setAutoFillBackground(true);
    banner->setBackgroundRole(QPalette::ToolTipBase);
    banner->setForegroundRole(QPalette::ToolTipText);
    banner->setAccessibleName(QObject::tr("Read-only"));
    layout->addWidget(banner);
    if (central)
        layout->addWidget(central, 1);
    window.setCentralWidget(frame);
}

} // namespace chronomap
