#include "port.h"
/* a C clock handler doing carry arithmetic and compares (flags, XER CA, PSW C/B):
   the port's interrupt stub must call it as the calling standard says */
volatile unsigned long long ticks;
volatile int wraps;
void handler_clock(void)
{
	unsigned long long t = ticks + 0x80000001ULL;
	ticks = t;
	if ((long long)t < 0)
		wraps++;
}
