/* The board this image was linked for (boards/<name>.c). */
#pragma once

extern const char board_name[];
