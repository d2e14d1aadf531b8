/* The kernel's version: git describe of the tree it was built from. */
#pragma once

extern const char nova_version[];
