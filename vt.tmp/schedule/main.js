import '@eduset/widgets/schedule';
