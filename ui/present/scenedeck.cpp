#include "scenedeck.h"

#include "edit/sceneedits.h"
#include "export/chartcomposer.h"
#include "present/scenestate.h"
#include "query/selection.h"
#include "story/story.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>

#include <qcustomplot.h>

namespace chronomap {

namespace {

QString slug(const QString& name)
{
    QString s = name.normalized(QString::NormalizationForm_KD).toLower();
    s.remove(QRegularExpression(QStringLiteral("[\\x{0300}-\\x{036f}]")));
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    s = s.left(48);
    while (s.startsWith(u'-'))
        s.remove(0, 1);
    while (s.endsWith(u'-'))
        s.chop(1);
    return s.isEmpty() ? QStringLiteral("scene") : s;
}

void writeWhole(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw StoreError(QStringLiteral("%1: cannot write here: %2; nothing was changed")
                             .arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw StoreError(QStringLiteral("%1: writing failed: %2; the old file is unchanged")
                             .arg(path, file.errorString()));
}

QList<Scene> scenesOrFail(const Story& story)
{
    const QList<Scene> scenes = orderedScenes(story.store());
    if (scenes.isEmpty())
        throw StoreError(QStringLiteral("%1 has no scenes; save views as scenes in the window "
                                        "(View › Scenes › Add) first")
                             .arg(story.path()));
    return scenes;
}

} // namespace

QString sceneFileName(int number, int count, const QString& name, const QString& suffix)
{
    const int width = std::max(2, int(QString::number(count).size()));
    return QStringLiteral("scene-%1-%2.%3")
        .arg(number, width, 10, QLatin1Char('0'))
        .arg(slug(name), suffix);
}

Scene findScene(const Story& story, const QString& name)
{
    if (const auto s = sceneNamed(story.store(), name))
        return *s;
    QStringList names;
    for (const Scene& s : orderedScenes(story.store()))
        names << QStringLiteral("“%1”").arg(s.name);
    if (names.isEmpty())
        throw StoreError(QStringLiteral("%1 has no scene “%2”: it has no scenes at all; save "
                                        "views as scenes in the window (View › Scenes) first")
                             .arg(story.path(), name));
    throw StoreError(QStringLiteral("%1 has no scene “%2”; its scenes are: %3")
                         .arg(story.path(), name, names.join(QStringLiteral(", "))));
}

namespace {

// The request a scene exports with: what `request` leaves unset (view, window, title,
// caption) comes from the scene, and its highlight is drawn. `selection` receives the scene's
// filters and highlight; the composer reads it while it is built.
ExportRequest sceneRequest(const Scene& scene, ExportRequest request, bool keepView,
                           Selection& selection)
{
    const SceneState state = SceneState::fromJsonText(scene.state);
    state.applyTo(selection);
    if (!keepView)
        request.view = state.charts == SceneState::Charts::Actors     ? QStringLiteral("actors")
                       : state.charts == SceneState::Charts::Timeline ? QStringLiteral("timeline")
                                                                      : QStringLiteral("both");
    if (!request.from && !request.to && state.hasWindow()) {
        request.from = state.from;
        request.to = state.to;
    }
    if (request.title.isEmpty())
        request.title = scene.name;
    if (request.caption.isEmpty())
        request.caption = scene.caption;
    request.scene = scene.name;
    request.state = &selection;
    request.highlight = true;
    return request;
}

} // namespace

void exportScene(Story& story, const Scene& scene, ExportRequest request, bool keepView)
{
    Selection selection;
    exportChart(story, sceneRequest(scene, std::move(request), keepView, selection));
}

int exportSceneDeck(Story& story, const ExportRequest& request)
{
    const QList<Scene> scenes = scenesOrFail(story);
    if (request.size.width() < 1 || request.size.height() < 1)
        throw StoreError(
            QStringLiteral("%1: the size must be at least 1×1 points").arg(request.output));
    // Every page is drawn by the composer straight onto the PDF, as a single PDF export is:
    // text stays text, hatching and soft ends stay as they are (a detour through SVG lost
    // them and turned the text into outlines).
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setCreator(QStringLiteral("Chronomap"));
        pdf.setTitle(story.title());
        setupPdfPage(pdf, request.size); // as in single PDF exports
        QCPPainter painter;
        for (qsizetype i = 0; i < scenes.size(); ++i) {
            Selection selection;
            ExportRequest page = sceneRequest(scenes[i], request, false, selection);
            ChartComposer composer(story, page);
            if (i == 0) {
                if (!painter.begin(&pdf))
                    throw StoreError(
                        QStringLiteral("%1: the PDF could not be started").arg(request.output));
            } else if (!pdf.newPage()) {
                throw StoreError(QStringLiteral("%1: page %2 (“%3”) could not be added")
                                     .arg(request.output)
                                     .arg(i + 1)
                                     .arg(scenes[i].name));
            }
            composer.paint(painter, request.size);
        }
        painter.end();
    }
    buffer.close();
    writeWhole(request.output, bytes);
    return int(scenes.size());
}

QStringList exportSceneImages(Story& story, const ExportRequest& request, const QString& folder,
                              const QString& suffix)
{
    const QList<Scene> scenes = scenesOrFail(story);
    if (!QDir().mkpath(folder))
        throw StoreError(
            QStringLiteral("%1: cannot make this folder; nothing was written").arg(folder));
    QStringList written;
    for (qsizetype i = 0; i < scenes.size(); ++i) {
        ExportRequest one = request;
        one.output = QDir(folder).filePath(
            sceneFileName(int(i + 1), int(scenes.size()), scenes[i].name, suffix));
        exportScene(story, scenes[i], one);
        written << one.output;
    }
    return written;
}

QStringList exportScenesForCommandLine(Story& story, ExportRequest request, bool allScenes,
                                       bool viewGiven)
{
    if (!allScenes) {
        const Scene scene = findScene(story, request.scene);
        exportScene(story, scene, request, viewGiven);
        return {QStringLiteral("exported scene “%1” to %2").arg(scene.name, request.output)};
    }
    const QString out = request.output;
    const QFileInfo info(out);
    if (out.endsWith(u'/') || info.isDir() || info.suffix().isEmpty()) {
        const QStringList files = exportSceneImages(story, request, out);
        QStringList lines;
        for (const QString& f : files)
            lines << QStringLiteral("exported %1").arg(f);
        return lines;
    }
    if (info.suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0)
        throw StoreError(QStringLiteral("%1: --scenes writes one PDF (deck.pdf) or numbered "
                                        "images into a folder (-o slides/), not a single %2")
                             .arg(out, info.suffix()));
    const int pages = exportSceneDeck(story, request);
    return {QStringLiteral("exported %1 scenes to %2").arg(pages).arg(out)};
}

} // namespace chronomap
