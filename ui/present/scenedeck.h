#pragma once

#include "export/chartexport.h"
#include "model/entities.h"

#include <QStringList>

namespace chronomap {

class Story;

// Exports a story's scenes: one scene as one image, every scene as one PDF (a page each, in
// playing order) or as numbered images (scene-01-summit.png, scene-02-...). Each page is the
// chart the scene shows with its window, filters and highlight (a selection belongs to the
// window and is never drawn), titled with the scene's name and captioned with its caption,
// drawn by the same composer as any other export.
// Every error throws StoreError with a message for the user; files already there are only
// ever replaced whole.

// "scene-03-miami-talks.png": the number padded so the files sort in playing order.
QString sceneFileName(int number, int count, const QString& name, const QString& suffix);

// The scene called `name` (case-insensitive), or an error that lists the story's scenes.
Scene findScene(const Story& story, const QString& name);

// One scene; `request` gives the output, size, theme...; what it leaves unset (title,
// caption, window) comes from the scene. `keepView`: the request's view wins over the scene's.
void exportScene(Story& story, const Scene& scene, ExportRequest request, bool keepView = false);

// Every scene into one PDF at request.output, a page each. Returns the number of pages.
int exportSceneDeck(Story& story, const ExportRequest& request);

// Every scene as a numbered image in `folder` (made if missing), in request.output's format
// if it names a file there, else PNG. Returns the files written.
QStringList exportSceneImages(Story& story, const ExportRequest& request, const QString& folder,
                              const QString& suffix = QStringLiteral("png"));

// The command line's --scene NAME and --scenes: exports and returns the lines to print.
QStringList exportScenesForCommandLine(Story& story, ExportRequest request, bool allScenes,
                                       bool viewGiven);

} // namespace chronomap
