#pragma once
void pic_disable(void);
