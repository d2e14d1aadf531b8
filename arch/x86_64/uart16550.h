#pragma once

void uart16550_init(void);
