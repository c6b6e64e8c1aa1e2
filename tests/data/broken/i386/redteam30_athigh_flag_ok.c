/* red team 30 I, correct (unusual style): splhigh() skips its store when a
   flag says "already at IPL_HIGH" (set by splhigh after its cpl store;
   cleared by spllower/splx/spl0 BEFORE their cpl store, at IPL_HIGH still
   where it was set), so rt_athigh = 1 implies cpl = imask[IPL_HIGH] at
   every boundary an interrupt can be taken at, and from every state a call
   can start in.  splraise leaves it alone (it never lowers).
   Should hold. */
#include "port.h"
static volatile int rt_athigh;
int splhigh(void)
{
	int o = cpl;
	if (rt_athigh)
		return o;
	cpl = SPL_HIGH;		/* from IPL_SERIAL too: a set routine */
	rt_athigh = 1;
	if (ipending & ~SPL_HIGH)
		Xspllower();
	return o;
}
int spllower(int ncpl)
{
	int o = cpl;
	rt_athigh = 0;
	cpl = ncpl;
	if (ipending & ~ncpl)
		Xspllower();
	return o;
}
void splx(int s)
{
	spllower(s);
}
int spl0(void)
{
	return spllower(0);
}
