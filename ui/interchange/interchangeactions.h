#pragma once

#include "query/eventfilter.h"

#include <QStringList>

#include <functional>

class QMenu;
class QWidget;

namespace chronomap {

class Story;

// The window's import and data export: File › Import… and File › Export › Data (TimelineJS
// JSON and sheet, events CSV, edge list CSV, GEXF, GraphML, Chronomap JSON), added to
// `fileMenu` before Quit's group (found by id). `currentStory` returns the open story or null;
// `currentFilter` the window's filters, which a data export obeys (no function: none).
void addInterchangeActions(QMenu* fileMenu, QWidget* window, std::function<Story*()> currentStory,
                           std::function<FilterSpec()> currentFilter = {});

// Imports files into `story`, one preview dialog each (for drag and drop and File › Import).
// Each import is one transaction: an error or a cancel changes nothing and is shown with the
// file, line and column. Large imports run off the GUI thread with a progress dialog. Returns
// true if at least one file was imported.
bool importFiles(QWidget* window, Story* story, const QStringList& paths);

// True when a dropped file looks importable (by its suffix), for dragEnterEvent.
bool isImportableFile(const QString& path);

} // namespace chronomap
