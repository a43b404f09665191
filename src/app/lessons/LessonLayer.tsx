import './lessons.css';
import { LessonBrowser } from './LessonBrowser';
import { useLessonLink } from './useLessonLink';
import { useWorkshopKeys } from './useWorkshopKeys';

/** The lesson browser dialog, lesson links and the presenter view's keyboard (mounted once by App). */
export function LessonLayer() {
  useLessonLink();
  useWorkshopKeys();
  return <LessonBrowser />;
}
