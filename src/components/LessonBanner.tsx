// The banner of a lesson link: which lesson this is, and that some controls are fixed by it.
import './runs.css';
import { isLesson } from '../app/lessonLink.ts';
import { useLesson } from '../app/lessonContext.ts';

export function LessonBanner() {
  const lesson = useLesson();
  if (!isLesson(lesson)) return null;
  const { preset, locked, hidden } = lesson;
  const fixed = [
    locked.size > 0 ? 'locked settings are shown but cannot change' : null,
    hidden.size > 0 ? 'some settings are hidden' : null,
  ].filter((part) => part !== null);
  return (
    <section className="lesson-banner" aria-label="Lesson">
      <p>
        <strong>Lesson: {preset?.name ?? 'custom settings'}</strong>
      </p>
      {preset !== null && <p className="muted">{preset.why}</p>}
      {fixed.length > 0 && <p className="muted">Set by your instructor: {fixed.join('; ')}.</p>}
    </section>
  );
}
