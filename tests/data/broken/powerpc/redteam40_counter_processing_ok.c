/* CORRECT (red team 40 A F1): a statistics counter of the routine's own
   (file-static) named processing, as a local of the port's spl.S is: its
   change is the routine's own data, not "the routine wrote the kernel's
   data" (preserves). */
#include "port.h"
#define barrier() __asm volatile("" ::: "memory")
static volatile unsigned int processing;
int rt_raise_count(int ncpl)
{
	int o = cpl;
	cpl = o | ncpl;
	barrier();
	processing++;
	return o;
}
