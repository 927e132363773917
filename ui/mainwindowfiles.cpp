// MainWindow's file commands: new, open, save a copy, recent files, errors, and stories and
// files dropped on the window (split from mainwindow.cpp along that seam).
#include "mainwindow.h"

#include "interchange/interchangeactions.h"
#include "settings/preferences.h"
#include "shared/opensharedialog.h"
#include "story/story.h"
#include "text/storytext.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

namespace chronomap {

void MainWindow::newStory()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Story"), QDir::homePath(),
                                                tr("Chronomap stories (*.chronomap)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".chronomap")))
        path += QLatin1String(".chronomap");
    const auto answer = QMessageBox::question(
        this, tr("New Story"), tr("Start from the sample story (the 28-point peace framework)?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    try {
        Story::create(path, answer != QMessageBox::Yes);
    } catch (const StoreError& e) {
        showError(e.message());
        return;
    }
    openStory(path);
}

void MainWindow::openDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Story"), QDir::homePath(),
                                     tr("Chronomap stories (*.chronomap);;All files (*)"));
    if (!path.isEmpty())
        openStory(path);
}

void MainWindow::saveCopy()
{
    if (!m_story)
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Save a Copy"), QDir::homePath(),
                                                tr("Chronomap stories (*.chronomap)"));
    if (path.isEmpty())
        return;
    // The dialog asked before replacing only the name it returned, not one we complete here.
    const bool confirmed = path.endsWith(QLatin1String(".chronomap"));
    if (!confirmed)
        path += QLatin1String(".chronomap");
    try {
        // Core refuses the open story and its -wal/-shm, and replaces only a closed story,
        // once the new copy is whole.
        m_story->store().saveCopy(path, confirmed);
        statusBar()->showMessage(tr("Saved a copy to %1").arg(path), 5000);
    } catch (const StoreError& e) {
        showError(e.message());
    }
}

void MainWindow::addRecent(const QString& path)
{
    Preferences::addRecent(path);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Preferences::recentFiles();
    int n = 0;
    for (const QString& path : recent) {
        // "&1 peace-plan.chronomap": a number to pick it by keyboard, the folder in the tip.
        QAction* a = m_recentMenu->addAction(
            tr("&%1 %2").arg(++n).arg(recentEntryName(path).replace(u'&', QLatin1String("&&"))));
        a->setToolTip(plainToolTip(path));
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (!Store::isUrl(path) && !QFileInfo::exists(path)) {
                Preferences::removeRecent(path);
                updateRecentMenu();
                showError(tr("%1 is no longer there (moved, renamed or deleted); it was taken off "
                             "the recent files. Use File › Open to find it.")
                              .arg(QDir::toNativeSeparators(path)));
                return;
            }
            openStory(path);
        });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No Recent Files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("&Clear Recent Files"), this, [this] {
        Preferences::clearRecent();
        updateRecentMenu();
    });
    clear->setEnabled(!recent.isEmpty());
}

void MainWindow::showError(const QString& message)
{
    if (QGuiApplication::platformName() == QLatin1String("offscreen")) {
        qWarning("%s", qPrintable(message));
        statusBar()->showMessage(message);
        return;
    }
    warnPlain(this, tr("Chronomap"), message);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl& url : urls)
        if (url.isLocalFile() && (isImportableFile(url.toLocalFile()) ||
                                  url.toLocalFile().endsWith(QLatin1String(".chronomap")))) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList imports;
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".chronomap")))
            openStory(path); // a story is opened, not merged
        else if (isImportableFile(path))
            imports << path;
    }
    if (!imports.isEmpty() && m_story)
        importFiles(this, m_story.get(), imports);
    event->acceptProposedAction();
}

} // namespace chronomap
