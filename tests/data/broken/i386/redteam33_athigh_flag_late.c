/* Twin of redteam30_athigh_flag_ok.c with the flag cleared AFTER the cpl
   store (and the replay) in spllower: between the two, cpl is low and
   rt_athigh still says "at IPL_HIGH".  An interrupt taken there whose
   handler calls splhigh() (every driver's does) finds the flag set and
   returns without raising: its splhigh() section runs at the handler's
   own level.  splx and spl0 go through spllower.  Should fail exact
   (of the handler's splhigh(), the snippet's, called while spllower ran),
   whichever of the four is checked. */
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
	cpl = ncpl;		/* BUG: the priority first ... */
	if (ipending & ~ncpl)
		Xspllower();
	rt_athigh = 0;		/* ... the flag after it */
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
